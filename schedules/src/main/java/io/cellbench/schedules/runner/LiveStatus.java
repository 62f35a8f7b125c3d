package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import java.util.concurrent.locks.StampedLock;

/**
 * The runner's progress, written by the runner thread on every sample and read from any
 * thread. Written in place (no allocation per sample); a {@link StampedLock} optimistic
 * read gives readers a consistent snapshot without ever blocking the runner.
 */
final class LiveStatus {
    private final StampedLock lock = new StampedLock();
    private final int plannedStepCount;

    private RunnerStatus.State state = RunnerStatus.State.NOT_STARTED;
    private String stepText = "";
    private int stepIndex;
    private int stepCount;
    private int cycleCount = 1;
    private double voltageVolt = Double.NaN;
    private double currentAmpere = Double.NaN;
    private double stepTimeSecond;
    private double testTimeSecond;
    private RunEvent.Outcome outcome;

    LiveStatus(int plannedStepCount) {
        this.plannedStepCount = plannedStepCount;
    }

    void state(RunnerStatus.State newState) {
        long stamp = lock.writeLock();
        state = newState;
        lock.unlockWrite(stamp);
    }

    void step(String text, int index, int count, int cycle, RunnerStatus.State newState) {
        long stamp = lock.writeLock();
        stepText = text;
        stepIndex = index;
        stepCount = count;
        cycleCount = cycle;
        stepTimeSecond = 0;
        state = newState;
        lock.unlockWrite(stamp);
    }

    void sample(double volt, double ampere, double stepTime, double testTime) {
        long stamp = lock.writeLock();
        voltageVolt = volt;
        currentAmpere = ampere;
        stepTimeSecond = stepTime;
        testTimeSecond = testTime;
        lock.unlockWrite(stamp);
    }

    void ended(RunEvent.Outcome how, double testTime) {
        long stamp = lock.writeLock();
        state = RunnerStatus.State.ENDED;
        outcome = how;
        testTimeSecond = Math.max(testTimeSecond, testTime);
        lock.unlockWrite(stamp);
    }

    RunnerStatus snapshot() {
        long stamp = lock.tryOptimisticRead();
        RunnerStatus s = copy();
        if (lock.validate(stamp)) {
            return s;
        }
        stamp = lock.readLock();
        try {
            return copy();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private RunnerStatus copy() {
        return new RunnerStatus(state, stepText, stepIndex, stepCount, plannedStepCount, cycleCount,
                voltageVolt, currentAmpere, stepTimeSecond, testTimeSecond, outcome);
    }
}
