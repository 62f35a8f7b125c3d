package io.cellbench.schedules.runner;

import io.cellbench.core.time.LabClock;

/**
 * When samples fall, and the times they are counted from: the run's start (test time 0), the
 * step's start and the phase's start (for the current-settling rule). A step's samples fall at
 * {@code stepStart + k·period} (k = 1, 2 …), so its first sample is one period after its
 * command and its samples never share a time with the previous step's. A sample is pulled
 * earlier to land exactly on a time limit; when a read or an instrument overruns, missed ticks
 * are skipped rather than caught up in a burst. While the run is paused the step's time stands
 * still: its start moves with the clock. A step's time counts from when its first command acted
 * on the cell ({@link #commandActed}), not from when the runner began it: on a slow link the
 * command's exchange takes a while. Owned by the runner thread.
 */
final class SampleGrid {
    private final LabClock clock;
    private final double samplePeriod;
    private double runStart;
    private double stepStart;
    private double phaseStart;
    private long tick;
    /**
     * The step time the step has when its first command acts (0, or a resumed step's elapsed
     * time); NaN once its start is fixed (that command acted, a sample was taken, a pause released).
     */
    private double untilFirstCommand = Double.NaN;

    SampleGrid(LabClock clock, double samplePeriod) {
        this.clock = clock;
        this.samplePeriod = samplePeriod;
    }

    /** Test time 0 is now. */
    double startRun() {
        runStart = clock.nowUnixSeconds();
        return runStart;
    }

    /** Test time 0 stays where the interrupted run had it: test time includes the downtime. */
    void resumeRun(double runStartUnixSecond) {
        runStart = runStartUnixSecond;
    }

    /**
     * A step (and its first phase) begins now, for now: its first command moves its start to
     * when that acted ({@link #commandActed}). Returns that moment.
     */
    double beginStep() {
        stepStart = clock.nowUnixSeconds();
        phaseStart = stepStart;
        tick = 0;
        untilFirstCommand = 0;
        return stepStart;
    }

    /**
     * An interrupted step continues now, {@code elapsed} seconds into it, on its own grid; its
     * time goes on from when its command acts again ({@link #commandActed}).
     */
    void resumeStep(double elapsed) {
        untilFirstCommand = Math.max(0, elapsed);
        stepStart = clock.nowUnixSeconds() - untilFirstCommand;
        phaseStart = stepStart;
        tick = (long) Math.floor(untilFirstCommand / samplePeriod + 1e-9);
    }

    /**
     * A command acted on the cell at {@code edge}: a new phase begins then, and so does the
     * step's time when this is the step's first command (before any sample of it).
     */
    void commandActed(double edge) {
        if (!Double.isNaN(untilFirstCommand)) {
            stepStart = edge - untilFirstCommand;
            untilFirstCommand = Double.NaN;
        }
        phaseStart = edge;
    }

    /** The next sample's time: the next tick of the step's grid, or {@code deadline} when sooner. */
    double target(double deadline) {
        double target = stepStart + (tick + 1) * samplePeriod;
        if (target > deadline) {
            target = deadline;
        }
        return target;
    }

    /** A sample was taken at {@code now}: ticks it overran are skipped. */
    void sampled(double now) {
        untilFirstCommand = Double.NaN;
        tick = Math.max(tick + 1, (long) Math.floor((now - stepStart) / samplePeriod + 1e-9));
    }

    /** Paused: the step's time stays at {@code frozen} while the clock goes on. */
    void holdStepAt(double now, double frozen) {
        stepStart = now - frozen;
    }

    /** Released at {@code now}: the step goes on from {@code frozen}, on its grid. */
    void releaseStepAt(double now, double frozen) {
        untilFirstCommand = Double.NaN;
        stepStart = now - frozen;
        tick = (long) Math.floor(frozen / samplePeriod + 1e-9);
    }

    /** Sleeps on the lab clock until {@code unix}; returns the time then. */
    double sleepUntil(double unix) throws InterruptedException {
        clock.sleepUntil(unix);
        return clock.nowUnixSeconds();
    }

    double now() {
        return clock.nowUnixSeconds();
    }

    double testTime(double unix) {
        return unix - runStart;
    }

    double stepTime(double unix) {
        return unix - stepStart;
    }

    double phaseTime(double unix) {
        return unix - phaseStart;
    }

    double runStart() {
        return runStart;
    }

    double stepStart() {
        return stepStart;
    }

    double samplePeriod() {
        return samplePeriod;
    }
}
