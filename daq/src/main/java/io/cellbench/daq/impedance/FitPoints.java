package io.cellbench.daq.impedance;

import io.cellbench.core.data.DataColumn;
import io.cellbench.daq.influx.InfluxSink;
import io.cellbench.daq.influx.LineProtocol;
import io.cellbench.daq.influx.Timestamps;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.table.DrtField;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitColumns;
import io.cellbench.impedance.table.FitRow;
import java.util.List;

/**
 * The run's impedance fits in InfluxDB, each in its own measurement with the cell's series tags:
 * {@value #FITS} (a point per sweep, at the sweep's start, the fields of fits.arrows, tag
 * {@code circuit}) and {@value #DRT_PEAKS} (a point per DRT peak, tag {@code peak} = 1, 2, … from
 * short to long τ, the peak columns of drt.arrows). A NaN field is left out.
 */
public final class FitPoints implements SweepFits.Output {

    public static final String FITS = "impedance_fits";
    public static final String DRT_PEAKS = "impedance_drt_peaks";

    private final InfluxSink sink;
    private final String circuit;
    private final List<DataColumn<FitRow>> fitColumns;

    public FitPoints(InfluxSink sink, Circuit circuit) {
        this.sink = sink;
        this.circuit = circuit.text();
        this.fitColumns = FitColumns.of(circuit);
    }

    @Override
    public void fitted(String cellId, FitRow fit) {
        sink.writePoints(cellId, (tags, lp) -> {
            lp.measurement(FITS).encodedTags(tags).tag("circuit", circuit);
            fields(lp, fitColumns, fit);
            return lp.end(Timestamps.nanos(fit.spectrum().unixTimeSecond())) ? 1 : 0;
        });
    }

    @Override
    public void drt(String cellId, List<DrtRow> drt) {
        List<DrtRow> peaks = drt.stream().filter(r -> r.peak() != null).toList();
        if (peaks.isEmpty()) {
            return;
        }
        sink.writePoints(cellId, (tags, lp) -> {
            int lines = 0;
            for (int k = 0; k < peaks.size(); k++) {
                DrtRow row = peaks.get(k);
                lp.measurement(DRT_PEAKS).encodedTags(tags).tag("peak", Integer.toString(k + 1));
                fields(lp, DrtField.peakColumns(), row);
                lines += lp.end(Timestamps.nanos(row.spectrum().unixTimeSecond())) ? 1 : 0;
            }
            return lines;
        });
    }

    private static <R> void fields(LineProtocol lp, List<DataColumn<R>> columns, R row) {
        for (DataColumn<R> c : columns) {
            switch (c.kind()) {
                case INT32 -> lp.field(c.columnName(), (long) c.integer(row));
                case FLOAT64 -> lp.field(c.columnName(), c.number(row));
            }
        }
    }
}
