package io.cellbench.importers.neware;

/**
 * Test time for files that store only step time: each step starts where the steps before it
 * ended (each one's longest step time), which is how Neware's BTSDA computes "Total Time".
 */
final class StepClock {

    private long step = Long.MIN_VALUE;
    private boolean started;
    private double offset;
    private double longest;

    /** The test time of a row of step {@code stepCount} at {@code stepTime}; call in file order. */
    double testTime(long stepCount, double stepTime) {
        if (stepCount != step) {
            if (started) {
                offset += longest;
            }
            started = true;
            step = stepCount;
            longest = 0;
        }
        if (stepTime > longest) {
            longest = stepTime;
        }
        return offset + stepTime;
    }
}
