package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import java.util.concurrent.locks.StampedLock;

/**
 * The runner's progress, written by the runner thread at every step start and every sample
 * and read from any thread. Written in place (no allocation per sample); a {@link StampedLock} optimistic
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
    private java.util.List<String> holds = java.util.List.of();
    private String waitingFor = "";

    LiveStatus(int plannedStepCount) {
        this.plannedStepCount = plannedStepCount;
    }

    void state(RunnerStatus.State newState) {
        long stamp = lock.writeLock();
        state = newState;
        lock.unlockWrite(stamp);
    }

    /** The state as the runner thread last set it (read by that thread only). */
    RunnerStatus.State state() {
        return state;
    }

    /** Who holds the run; an immutable list, replaced (not changed) when the holds change. */
    void holds(java.util.List<String> described) {
        long stamp = lock.writeLock();
        holds = described;
        lock.unlockWrite(stamp);
    }

    /** Waiting for a shared instrument or chamber ({@code what}), or no longer ({@code null}: back to {@code after}). */
    void waiting(String what, RunnerStatus.State after) {
        long stamp = lock.writeLock();
        waitingFor = what == null ? "" : what;
        state = what == null ? after : RunnerStatus.State.WAITING;
        lock.unlockWrite(stamp);
    }

    /**
     * A step begins (or a resumed one continues) {@code stepTime} into it, at test time
     * {@code testTime}. It has no sample yet: V and I are NaN until its first {@link #sample},
     * so a reader never sees the new step beside the previous step's reading, nor beside the
     * base reading taken right after its command (which a channel may take before the command
     * has acted: docs/runner.md, "Base reading").
     */
    void step(String text, int index, int count, int cycle, RunnerStatus.State newState, double stepTime,
              double testTime) {
        long stamp = lock.writeLock();
        stepText = text;
        stepIndex = index;
        stepCount = count;
        cycleCount = cycle;
        voltageVolt = Double.NaN;
        currentAmpere = Double.NaN;
        stepTimeSecond = stepTime;
        testTimeSecond = testTime;
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
                voltageVolt, currentAmpere, stepTimeSecond, testTimeSecond, outcome, holds, waitingFor);
    }
}
