package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;

/**
 * Test time that starts again from zero at each step (the Neware "time bug" of some exports):
 * each step's rows get the duration of the steps before added, so test time runs on.
 */
final class TimeRestartRepair extends Stage {

    private double offset;
    private double last = Double.NaN;
    private int lastStepCount = Integer.MIN_VALUE;
    private int lastStepId = Integer.MIN_VALUE;
    private long restarts;
    private long first = -1;

    TimeRestartRepair(RecordSink next) {
        super(next);
    }

    @Override
    public void sample(CyclerRecord r) {
        double raw = r.testTimeSecond();
        boolean newStep = r.stepCount() != lastStepCount || r.stepId() != lastStepId;
        if (newStep && !Double.isNaN(last) && raw < last) {
            offset += last;
            restarts++;
            if (first < 0) {
                first = r.recordIndex();
            }
        }
        last = raw;
        lastStepCount = r.stepCount();
        lastStepId = r.stepId();
        next.sample(offset == 0 ? r : r.withTestTime(offset + raw));
    }

    @Override
    void report() {
        next.note(ImportNote.repair("test-time-restarts", "test time restarted at " + restarts
                + " step start(s) (the Neware \"time bug\"): each step now continues from the end of the one before",
                first, restarts));
    }
}
