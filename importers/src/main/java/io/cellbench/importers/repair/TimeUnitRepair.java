package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import java.util.Locale;

/**
 * Test time written in another unit than seconds (milliseconds, minutes, hours), detected by
 * comparing how fast it advances with the unix clock or, without one, with the step time.
 * Divides by the factor found.
 */
final class TimeUnitRepair extends Stage {

    private final double factor;
    private final String unit;
    private final String evidence;
    private long rows;

    TimeUnitRepair(RecordSink next, double factor, String unit, String evidence) {
        super(next);
        this.factor = factor;
        this.unit = unit;
        this.evidence = evidence;
    }

    /** The factor test time is off by, from a survey, or 1 when it advances like seconds. */
    static double factorOf(double testSpan, double clockSpan) {
        if (!(clockSpan > 0) || !(testSpan > 0)) {
            return 1;
        }
        double ratio = testSpan / clockSpan;
        for (double candidate : new double[] {1000, 1.0 / 60, 1.0 / 3600}) {
            if (Math.abs(ratio / candidate - 1) < 0.05) {
                return candidate;
            }
        }
        return 1;
    }

    static String unitOf(double factor) {
        return factor == 1000 ? "milliseconds" : factor < 1.0 / 600 ? "hours" : "minutes";
    }

    @Override
    public void sample(CyclerRecord r) {
        rows++;
        next.sample(r.withTestTime(r.testTimeSecond() / factor));
    }

    @Override
    void report() {
        next.note(ImportNote.repair("test-time-unit", String.format(Locale.ROOT,
                "test time was in %s (it advanced %s): divided by %.6g to give seconds", unit, evidence, factor),
                0, rows));
    }
}
