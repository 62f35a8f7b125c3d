package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Test time written in another unit than seconds (milliseconds, minutes, hours), detected by
 * comparing how fast it advances with the unix clock or, without one, with the step time, over the
 * first {@value #LOOKAHEAD} rows (a column's unit does not change within a file), which wait here
 * until it is decided. Divides by the factor found.
 */
final class TimeUnitRepair extends Stage {

    static final int LOOKAHEAD = 4096;

    private final ArrayDeque<CyclerRecord> waiting = new ArrayDeque<>();
    private CyclerRecord previous;
    private double testSpan;
    private double unixSpan;
    private double stepSpan;
    private double testSpanAgainstStep;
    private boolean decided;
    private double factor = 1;
    private String evidence;
    private long rows;

    TimeUnitRepair(RecordSink next) {
        super(next);
    }

    double factor() {
        return factor;
    }

    @Override
    public void sample(CyclerRecord r) {
        if (decided) {
            pass(r);
            return;
        }
        measure(r);
        waiting.add(r);
        if (waiting.size() >= LOOKAHEAD) {
            decide();
        }
    }

    /** Sums, over rows within a step where test time advances, how far test time, the clock and step time went. */
    private void measure(CyclerRecord r) {
        CyclerRecord p = previous;
        previous = r;
        if (p == null || r.stepCount() != p.stepCount() || r.stepId() != p.stepId()) {
            return;
        }
        double dTest = r.testTimeSecond() - p.testTimeSecond();
        if (!(dTest >= 0)) {
            return;
        }
        double dUnix = r.unixTimeSecond() - p.unixTimeSecond();
        double dStep = r.stepTimeSecond() - p.stepTimeSecond();
        if (dUnix > 0) {
            testSpan += dTest;
            unixSpan += dUnix;
        }
        if (dStep > 0) {
            stepSpan += dStep;
            testSpanAgainstStep += dTest;
        }
    }

    private void decide() {
        decided = true;
        double byUnix = factorOf(testSpan, unixSpan);
        double byStep = factorOf(testSpanAgainstStep, stepSpan);
        factor = byUnix != 1 ? byUnix : byStep;
        if (factor != 1) {
            evidence = byUnix != 1
                    ? String.format(Locale.ROOT, "%.6g times as fast as the unix clock", testSpan / unixSpan)
                    : String.format(Locale.ROOT, "%.6g times as fast as the step time", testSpanAgainstStep / stepSpan);
        }
        while (!waiting.isEmpty()) {
            pass(waiting.poll());
        }
    }

    private void pass(CyclerRecord r) {
        if (factor != 1) {
            rows++;
            r = r.withTestTime(r.testTimeSecond() / factor);
        }
        next.sample(r);
    }

    /** The factor test time is off by, or 1 when it advances like seconds. */
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
    public void end() {
        if (!decided) {
            decide();
        }
        super.end();
    }

    @Override
    void report() {
        if (factor != 1) {
            next.note(ImportNote.repair("test-time-unit", String.format(Locale.ROOT,
                    "test time was in %s (it advanced %s): divided by %.6g to give seconds", unitOf(factor), evidence,
                    factor), 0, rows));
        }
    }
}
