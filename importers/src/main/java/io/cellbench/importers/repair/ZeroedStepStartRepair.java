package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;

/**
 * The other face of the Neware "time bug": the first row of each step carries a test time of 0
 * (its step time) while the next row goes on with the true test time (the alliance's
 * SINTEF …Time_Bug example). Such a row gets the test time at which its step began, which is the
 * last good test time before it, so test time never runs backwards.
 */
final class ZeroedStepStartRepair extends Stage {

    private double lastGood = Double.NaN;
    private int lastStepCount = Integer.MIN_VALUE;
    private int lastStepId = Integer.MIN_VALUE;
    private CyclerRecord held;
    private long fixed;
    private long first = -1;

    ZeroedStepStartRepair(RecordSink next) {
        super(next);
    }

    @Override
    public void sample(CyclerRecord r) {
        boolean newStep = r.stepCount() != lastStepCount || r.stepId() != lastStepId;
        lastStepCount = r.stepCount();
        lastStepId = r.stepId();
        if (held != null) {
            if (r.testTimeSecond() >= lastGood) {
                fixed++;
                if (first < 0) {
                    first = held.recordIndex();
                }
                next.sample(held.withTestTime(lastGood));
            } else {
                next.sample(held);
            }
            held = null;
        }
        if (newStep && r.testTimeSecond() < lastGood) {
            held = r;
            return;
        }
        if (!Double.isNaN(r.testTimeSecond())) {
            lastGood = r.testTimeSecond();
        }
        next.sample(r);
    }

    @Override
    public void end() {
        if (held != null) {
            next.sample(held);
            held = null;
        }
        super.end();
    }

    @Override
    void report() {
        next.note(ImportNote.repair("test-time-zeroed-step-start", fixed + " step(s) began with a row whose test time"
                + " fell back to its step time (the Neware \"time bug\"); each such row now has the test time at"
                + " which its step began", first, fixed));
    }
}
