package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;

/**
 * Test time that falls back where a step begins: the Neware "time bug" in its two faces, each fall
 * judged on its own with one row of look-ahead.
 * <ul>
 * <li>A restart: the step's rows count from zero again (test time = step time); each step's rows get
 *     the duration of the steps before added, so test time runs on.</li>
 * <li>A zeroed step start: only the step's first row carries its step time, the next goes on where
 *     test time was (the alliance's SINTEF …Time_Bug example); that row gets the test time at which
 *     its step began.</li>
 * </ul>
 * A fall that is neither (within a step, or to something other than the step time) is left as found,
 * with a warning.
 */
final class TimeFallRepair extends Stage {

    private double offset;
    /** The previous row's test time as found. */
    private double previous = Double.NaN;
    private int lastStepCount = Integer.MIN_VALUE;
    private int lastStepId = Integer.MIN_VALUE;
    /** A step's first row whose test time fell to its step time, until the next row tells which face it is. */
    private CyclerRecord held;
    private double beforeHeld;
    private long restarts;
    private long firstRestart = -1;
    private long zeroed;
    private long firstZeroed = -1;
    private long otherFalls;

    TimeFallRepair(RecordSink next) {
        super(next);
    }

    long restarts() {
        return restarts;
    }

    long zeroedStarts() {
        return zeroed;
    }

    @Override
    public void sample(CyclerRecord r) {
        boolean newStep = r.stepCount() != lastStepCount || r.stepId() != lastStepId;
        lastStepCount = r.stepCount();
        lastStepId = r.stepId();
        double test = r.testTimeSecond();
        if (held != null) {
            if (test >= beforeHeld) {
                settle(true);
            } else {
                settle(false);
            }
        }
        if (test < previous) {
            if (newStep && fellToStepTime(r, previous)) {
                held = r;
                beforeHeld = previous;
                previous = test;
                return;
            }
            otherFalls++;
        }
        previous = test;
        pass(r);
    }

    /** The survey's test of a restart: test time fell to about the step time (or, without one, by half). */
    private static boolean fellToStepTime(CyclerRecord r, double before) {
        double fall = before - r.testTimeSecond();
        return Double.isFinite(r.stepTimeSecond())
                ? Math.abs(r.testTimeSecond() - r.stepTimeSecond()) <= Math.max(1e-6, 0.01 * Math.abs(fall))
                : r.testTimeSecond() < before * 0.5 + 1;
    }

    /** Sends the held row on: a zeroed start gets the time its step began; a restart moves the offset. */
    private void settle(boolean zeroedStart) {
        CyclerRecord row = held;
        held = null;
        if (zeroedStart) {
            zeroed++;
            if (firstZeroed < 0) {
                firstZeroed = row.recordIndex();
            }
            next.sample(row.withTestTime(offset + beforeHeld));
            previous = beforeHeld;
        } else {
            restarts++;
            if (firstRestart < 0) {
                firstRestart = row.recordIndex();
            }
            offset += beforeHeld;
            pass(row);
        }
    }

    private void pass(CyclerRecord r) {
        next.sample(offset == 0 ? r : r.withTestTime(offset + r.testTimeSecond()));
    }

    @Override
    public void end() {
        if (held != null) {
            settle(false); // the file ends on a step's first row: it restarted with its step time
        }
        super.end();
    }

    @Override
    void report() {
        if (otherFalls > 0) {
            next.note(ImportNote.warning("test-time-falls", "test time falls back " + otherFalls
                    + " time(s) where no step restarts it; left as found", -1));
        }
        if (zeroed > 0) {
            next.note(ImportNote.repair("test-time-zeroed-step-start", zeroed + " step(s) began with a row whose test"
                    + " time fell back to its step time (the Neware \"time bug\"); each such row now has the test time"
                    + " at which its step began", firstZeroed, zeroed));
        }
        if (restarts > 0) {
            next.note(ImportNote.repair("test-time-restarts", "test time restarted at " + restarts
                    + " step start(s) (the Neware \"time bug\"): each step now continues from the end of the one"
                    + " before", firstRestart, restarts));
        }
    }
}
