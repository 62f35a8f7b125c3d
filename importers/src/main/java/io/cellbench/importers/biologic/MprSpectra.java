package io.cellbench.importers.biologic;

import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.RecordSink;
import java.nio.ByteBuffer;

/**
 * Impedance points from PEIS/GEIS. EC-Lab stores −Im(Z); the record keeps Im(Z) as measured
 * (negative for capacitive), so the value is negated. A sweep runs from high to low frequency:
 * a new sweep starts when the frequency rises again or EC-Lab's cycle number changes.
 */
final class MprSpectra {

    private final MprLayout layout;
    private final double start;

    MprSpectra(MprLayout layout, double start) {
        this.layout = layout;
        this.start = start;
    }

    void stream(MprRecords records, ImportMetadata.Builder meta, RecordSink sink) throws ImportException {
        int volt = layout.first(MprColumns.MEAN_EWE, MprColumns.EWE);
        int current = layout.first(MprColumns.MEAN_I_MA, MprColumns.I_MA);
        boolean hasCycle = layout.has(MprColumns.CYCLE_NUMBER);
        meta.technique("EIS");
        sink.begin(meta.build());
        if (!layout.has(MprColumns.RE_Z) || !layout.has(MprColumns.MINUS_IM_Z)) {
            MprReader.warn(sink, "no-impedance", "a frequency column but no Re(Z)/-Im(Z): impedance is not known");
        }
        int sweep = 0;
        double lastFrequency = Double.NaN;
        double lastCycle = Double.NaN;
        while (records.next()) {
            ByteBuffer b = records.buffer();
            int at = records.position();
            double frequency = layout.value(b, at, MprColumns.FREQUENCY);
            double cycle = hasCycle ? layout.value(b, at, MprColumns.CYCLE_NUMBER) : 0;
            if (sweep == 0 || frequency > lastFrequency || cycle != lastCycle) {
                sweep++;
            }
            lastFrequency = frequency;
            lastCycle = cycle;
            double time = layout.has(MprColumns.TIME) ? layout.value(b, at, MprColumns.TIME) : Double.NaN;
            double real = layout.has(MprColumns.RE_Z) ? layout.value(b, at, MprColumns.RE_Z) : Double.NaN;
            double minusImag = layout.has(MprColumns.MINUS_IM_Z) ? layout.value(b, at, MprColumns.MINUS_IM_Z) : Double.NaN;
            sink.impedance(new ImpedanceRecord(records.number(), sweep, time, start + time, frequency, real, -minusImag,
                    volt < 0 ? Double.NaN : layout.value(b, at, volt),
                    current < 0 ? Double.NaN : layout.value(b, at, current) / 1000.0, (int) cycle));
        }
        if (layout.points == 0) {
            MprReader.warn(sink, "empty-test", "the data module holds no records");
        }
        sink.end();
    }
}
