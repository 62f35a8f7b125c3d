package io.cellbench.cli;

import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.core.data.SpectrumRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows and columns of a BDF export's spectra ({@code <cell>.eis.bdf.csv}): the BDF terms of
 * the spectrum table, named as the export's BDF version names them, and the cell's voltage and
 * current at each sweep, because BDF requires Test Time, Voltage and Current in every file (the
 * alliance's validator fails a file without them). A sweep's voltage and current are those of
 * the cell's last sample at or before the sweep's start: for a cellbench EIS step, the
 * open-circuit reading it records right before sweeping.
 */
final class BdfSpectra {
    private BdfSpectra() {
    }

    /** One impedance point with the DC level of its sweep. */
    record Row(SpectrumRow point, double voltageVolt, double currentAmpere) {
    }

    /** The file's columns, in the samples' order (time, voltage and current first), as {@code version} names them. */
    static List<DataColumn<Row>> columns(BdfVersion version) {
        List<DataColumn<Row>> columns = new ArrayList<>();
        for (SpectrumField f : SpectrumField.values()) {
            if (!f.bdf()) {
                continue; // the sweep counter is cellbench's own
            }
            ColumnTerm term = sampleTerm(f.term(), version);
            if (term != null) {
                columns.add(DataColumn.of(term, point(f.value())));
            }
            if (f == SpectrumField.UNIX_TIME) {
                columns.add(DataColumn.of(SampleField.VOLTAGE.term(version), ColumnValue.float64(Row::voltageVolt)));
                columns.add(DataColumn.of(SampleField.CURRENT.term(version), ColumnValue.float64(Row::currentAmpere)));
            }
        }
        return columns;
    }

    /** A term the spectra share with the samples, as the samples' export names it (Step ID: Step Index in 1.2). */
    private static ColumnTerm sampleTerm(ColumnTerm term, BdfVersion version) {
        return Arrays.stream(SampleField.values()).filter(s -> s.term() == term).findFirst()
                .map(s -> s.term(version)).orElse(term);
    }

    private static ColumnValue<Row> point(ColumnValue<SpectrumRow> value) {
        return switch (value.kind()) {
            case FLOAT64 -> ColumnValue.float64(r -> value.number(r.point()));
            case INT32 -> ColumnValue.int32(r -> value.integer(r.point()));
        };
    }

    /**
     * One cell's sweep starts and the cell's voltage and current at each, found as its samples
     * stream by (in time order) without keeping them.
     */
    static final class Levels {
        private final double[] starts;
        private final double[] volt;
        private final double[] ampere;
        private int next;
        private double lastVolt = Double.NaN;
        private double lastAmpere = Double.NaN;

        /** @param starts the sweeps' start test times, sorted, each once */
        Levels(double[] starts) {
            this.starts = starts;
            volt = new double[starts.length];
            ampere = new double[starts.length];
            Arrays.fill(volt, Double.NaN);
            Arrays.fill(ampere, Double.NaN);
        }

        /** The next sample of the cell. */
        void sample(double testTime, double voltage, double current) {
            while (next < starts.length && testTime > starts[next]) {
                volt[next] = lastVolt;
                ampere[next] = lastAmpere;
                next++;
            }
            lastVolt = voltage;
            lastAmpere = current;
        }

        /** The row of {@code point} in a sweep that started at {@code start} (NaN levels: no sample before it). */
        Row row(SpectrumRow point, double start) {
            int k = Arrays.binarySearch(starts, start);
            if (k < 0) {
                return new Row(point, Double.NaN, Double.NaN);
            }
            // sweeps after the last sample take the last sample's level
            return k < next ? new Row(point, volt[k], ampere[k]) : new Row(point, lastVolt, lastAmpere);
        }
    }
}
