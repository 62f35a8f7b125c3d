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
    private final double samplePeriodSecond;
    private double failingSinceSecond = Double.NaN;
    private String lastFailure = "";
    private boolean sampled;
    private double expectedStepSecond = Double.NaN;
    private double afterStepSecond = Double.NaN;
    private boolean remainingGuess = true;

    LiveStatus(int plannedStepCount, double samplePeriodSecond) {
        this.plannedStepCount = plannedStepCount;
        this.samplePeriodSecond = samplePeriodSecond;
    }

    /** An instrument read failed: the incident began at {@code sinceTestTime}; {@code failure} is the latest. */
    void failing(double sinceTestTime, String failure) {
        long stamp = lock.writeLock();
        failingSinceSecond = sinceTestTime;
        lastFailure = failure;
        lock.unlockWrite(stamp);
    }

    /** The instruments answer again: the incident is over. */
    void answering() {
        long stamp = lock.writeLock();
        failingSinceSecond = Double.NaN;
        lastFailure = "";
        lock.unlockWrite(stamp);
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

    /** What is left (see {@link RemainingTime}): the current step's expected duration and all after it. */
    void remaining(RunnerStatus.Remaining r) {
        long stamp = lock.writeLock();
        expectedStepSecond = r.stepSecond();
        afterStepSecond = r.totalSecond();
        remainingGuess = r.guess();
        lock.unlockWrite(stamp);
    }

    void sample(double volt, double ampere, double stepTime, double testTime) {
        long stamp = lock.writeLock();
        voltageVolt = volt;
        currentAmpere = ampere;
        stepTimeSecond = stepTime;
        testTimeSecond = testTime;
        sampled = true;
        lock.unlockWrite(stamp);
    }

    /**
     * The run ended. {@code openCircuit}: the channel confirmed open circuit, so no current
     * flows (showing the last sample's current would say the cell is still driven); otherwise
     * the current is not known.
     */
    void ended(RunEvent.Outcome how, double testTime, boolean openCircuit) {
        long stamp = lock.writeLock();
        state = RunnerStatus.State.ENDED;
        outcome = how;
        testTimeSecond = Math.max(testTimeSecond, testTime);
        currentAmpere = openCircuit ? 0 : Double.NaN;
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
        RunnerStatus.Health health = Double.isNaN(failingSinceSecond) && !sampled ? RunnerStatus.Health.ANSWERING
                : new RunnerStatus.Health(failingSinceSecond, lastFailure,
                        sampled ? testTimeSecond + samplePeriodSecond : Double.NaN, Double.NaN, "");
        // the current step's rest, by its expected duration (a step that overran is taken as ending now)
        RunnerStatus.Remaining left = state == RunnerStatus.State.ENDED ? RunnerStatus.Remaining.UNKNOWN
                : new RunnerStatus.Remaining(expectedStepSecond, afterStepSecond
                        + (Double.isNaN(expectedStepSecond) ? 0 : Math.max(0, expectedStepSecond - stepTimeSecond)),
                        remainingGuess);
        return new RunnerStatus(state, stepText, stepIndex, stepCount, plannedStepCount, cycleCount,
                voltageVolt, currentAmpere, stepTimeSecond, testTimeSecond, outcome, holds, waitingFor, health, left);
    }
}
