package io.cellbench.schedules.runner;

/**
 * Decides which samples become recorded points: when the time since the last record
 * reaches the period, or |ΔV| or |ΔI| since the last record reaches its threshold, and
 * always when the caller forces it (step start and end). A point is never recorded twice,
 * and record times strictly increase.
 */
final class LoggingGate {
    private final double deltaVolt;
    private final double deltaAmpere;
    private double periodSecond;
    private boolean hasRecord;
    private double lastTime;
    private double lastVolt;
    private double lastAmpere;
    /** A resumed run's last time on disk (unix s): nothing at or before it is recorded again. */
    private double continuedAfter = Double.NEGATIVE_INFINITY;

    LoggingGate(double deltaVolt, double deltaAmpere) {
        this.deltaVolt = deltaVolt;
        this.deltaAmpere = deltaAmpere;
    }

    /** The Δt threshold of the current step (a step may override the protocol's). */
    void period(double seconds) {
        periodSecond = seconds;
    }

    /**
     * A resumed run whose data on disk end at {@code time} (unix s): records go on strictly after
     * it, as they would within one process. Resumed as fast as possible, the clock starts again at
     * that very time, and a record there (a continued step at its time limit, a hold at resume)
     * would be that moment twice. The first record after it is taken as after a fresh start.
     */
    void continueAfter(double time) {
        continuedAfter = time;
    }

    /** Whether the sample at {@code time} is to be recorded; if so, it becomes the reference. */
    boolean offer(double time, double volt, double ampere, boolean force) {
        // The epsilon: the resume position's time is the data's, rebuilt as run start + test time.
        if (time <= continuedAfter + StepEnds.TIME_EPSILON_SECOND || hasRecord && time <= lastTime) {
            return false;
        }
        boolean record = force || !hasRecord
                || time - lastTime >= periodSecond - StepEnds.TIME_EPSILON_SECOND
                || Math.abs(volt - lastVolt) >= deltaVolt
                || Math.abs(ampere - lastAmpere) >= deltaAmpere;
        if (record) {
            hasRecord = true;
            lastTime = time;
            lastVolt = volt;
            lastAmpere = ampere;
        }
        return record;
    }
}
