package io.cellbench.importers.biologic;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.StepType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples from a non-impedance technique. Voltage is Ewe (or ⟨Ewe⟩); current is I (EC-Lab:
 * positive is oxidation at the working electrode, which charges a cell wired cathode-as-WE, the
 * BDF sign) or, when the file stores none (EC-Lab 11.50 GCPL), dq/dt. Charge and discharge
 * totals since the start are the sums of the positive and negative dq. Ns is the sequence
 * (program step) from 0: step_id is Ns + 1. The cycle number is not in most .mpr files (EC-Lab
 * computes it when exporting); the repair layer derives it then.
 */
final class MprSamples {

    private final MprLayout layout;
    private final double start;
    private final String technique;

    MprSamples(MprLayout layout, double start, String technique) {
        this.layout = layout;
        this.start = start;
        this.technique = technique;
    }

    void stream(MprRecords records, ImportMetadata.Builder meta, RecordSink sink) throws ImportException {
        int volt = layout.first(MprColumns.EWE, MprColumns.MEAN_EWE, MprColumns.MEAN_EWE_CP);
        int current = layout.first(MprColumns.I_MA, MprColumns.I_MA_DOUBLE, MprColumns.MEAN_I_MA);
        // dq/mA.h is the charge since the previous record; dQ/C (id 435) is not an increment, so it
        // is not used. (Q-Qo) is EC-Lab's own running net charge: the counters follow it when present.
        int dq = layout.first(MprColumns.DQ_MAH);
        int q = layout.first(MprColumns.Q_QO_MAH, MprColumns.Q_QO_C);
        boolean hasCycle = layout.has(MprColumns.CYCLE_NUMBER);
        boolean hasNs = layout.has(MprColumns.NS);
        List<Integer> mapped = new ArrayList<>(List.of(MprColumns.TIME, volt, current, MprColumns.CYCLE_NUMBER,
                MprColumns.NS));
        int[] aux = MprReader.auxColumns(layout, meta, mapped);
        meta.present(Field.TEST_TIME, Field.STEP_COUNT);
        if (!Double.isNaN(start)) {
            meta.present(Field.UNIX_TIME);
        }
        if (hasCycle) {
            meta.present(Field.CYCLE_COUNT);
        }
        if (hasNs) {
            meta.present(Field.STEP_ID);
        }
        if (dq >= 0 || q >= 0) {
            MprReader.declareCounters(meta);
        }
        StepType type = technique.equals("OCV") ? new StepType("OCV", StepType.Direction.NEITHER)
                : new StepType(technique, StepType.Direction.UNKNOWN);
        sink.begin(meta.build());
        if (volt < 0) {
            MprReader.warn(sink, "no-voltage", "the file has no Ewe column: voltage is not known");
        }
        if (current < 0) {
            MprReader.warn(sink, "current-derived", "the file stores no current column (EC-Lab writes none for some"
                    + " techniques): current is derived from the charge passed between records, dq/dt");
        }
        double qToMah = q == MprColumns.Q_QO_C ? 1 / 3.6 : 1;
        double charge = 0;
        double discharge = 0;
        double lastTime = Double.NaN;
        double lastQ = Double.NaN;
        int lastNs = Integer.MIN_VALUE;
        int stepCount = 0;
        while (records.next()) {
            ByteBuffer b = records.buffer();
            int at = records.position();
            double time = layout.value(b, at, MprColumns.TIME);
            double increment = dq >= 0 ? layout.value(b, at, dq) : Double.NaN;
            double step = increment;
            if (q >= 0) {
                double now = layout.value(b, at, q) * qToMah;
                step = Double.isNaN(lastQ) ? (Double.isNaN(increment) ? 0 : increment) : now - lastQ;
                lastQ = now;
            }
            if (!Double.isNaN(step)) {
                charge += Math.max(step, 0);
                discharge += Math.max(-step, 0);
            }
            double milliamp;
            if (current >= 0) {
                milliamp = layout.value(b, at, current);
            } else {
                double dt = time - lastTime;
                double passed = Double.isNaN(increment) ? step : increment;
                milliamp = dt > 0 && !Double.isNaN(passed) ? passed * 3600.0 / dt : 0;
            }
            lastTime = time;
            int ns = hasNs ? (int) layout.value(b, at, MprColumns.NS) : 0;
            if (ns != lastNs) {
                stepCount++;
                lastNs = ns;
            }
            double[] values = new double[aux.length];
            for (int i = 0; i < aux.length; i++) {
                values[i] = layout.value(b, at, aux[i]);
            }
            int cycle = hasCycle ? (int) layout.value(b, at, MprColumns.CYCLE_NUMBER) + 1 : CyclerRecord.UNKNOWN;
            sink.sample(new CyclerRecord(records.number(), time, start + time, Double.NaN,
                    volt < 0 ? Double.NaN : layout.value(b, at, volt), milliamp / 1000.0, cycle, stepCount,
                    hasNs ? ns + 1 : CyclerRecord.UNKNOWN, type, charge / 1000.0, discharge / 1000.0, Double.NaN,
                    Double.NaN, Double.NaN, values));
        }
        if (layout.points == 0) {
            MprReader.warn(sink, "empty-test", "the data module holds no records");
        }
        sink.end();
    }
}
