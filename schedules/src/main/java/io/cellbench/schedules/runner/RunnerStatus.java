package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;

/**
 * A consistent snapshot of where a run is, for progress bars and status pages. Taken from
 * another thread with {@link ProtocolRunner#status()}; every field comes from the same
 * moment: the current step's last sample, or the step's start while it has no sample yet.
 *
 * @param state            what the runner is doing
 * @param stepText         the current step as written, empty before the first step
 * @param stepIndex        1-based position of the current step in the protocol, 0 before the first
 * @param stepCount        steps executed so far, counting the current one
 * @param plannedStepCount steps the whole protocol executes (repeats unrolled), for a progress fraction
 * @param cycleCount       the current cycle (1-based)
 * @param voltageVolt      the voltage of the current step's last sample; {@code NaN} from the
 *                         step's start until its first sample (one sample period after its
 *                         command), and while a rest with the relay open measures none.
 *                         Before the first step: the reading taken before the run starts
 * @param currentAmpere    the current of the same sample, positive while charging; {@code NaN}
 *                         until the step's first sample
 * @param stepTimeSecond   time since the current step began
 * @param testTimeSecond   time since the run began
 * @param outcome          how the run ended, {@code null} while it has not
 * @param holds            who holds the run and why ("operator: crimp check"), oldest
 *                         first; empty when nothing holds it (see docs/runner.md#holds)
 * @param waitingFor       what a {@link State#WAITING} cell waits for ("a free channel of pool
 *                         bank-a (2 cells ahead)"); empty otherwise
 * @param health           whether the cell's instruments answer, and whether its output is
 *                         confirmed off after the end (see {@link Health})
 * @param remaining        the estimated time to the end of the protocol (see {@link Remaining})
 */
public record RunnerStatus(
        State state,
        String stepText,
        int stepIndex,
        int stepCount,
        int plannedStepCount,
        int cycleCount,
        double voltageVolt,
        double currentAmpere,
        double stepTimeSecond,
        double testTimeSecond,
        RunEvent.Outcome outcome,
        java.util.List<String> holds,
        String waitingFor,
        Health health,
        Remaining remaining) {

    public RunnerStatus {
        health = health == null ? Health.ANSWERING : health;
        remaining = remaining == null ? Remaining.UNKNOWN : remaining;
    }

    /** A status whose instruments answer and whose remaining time is not known. */
    public RunnerStatus(State state, String stepText, int stepIndex, int stepCount, int plannedStepCount,
                        int cycleCount, double voltageVolt, double currentAmpere, double stepTimeSecond,
                        double testTimeSecond, RunEvent.Outcome outcome, java.util.List<String> holds,
                        String waitingFor) {
        this(state, stepText, stepIndex, stepCount, plannedStepCount, cycleCount, voltageVolt, currentAmpere,
                stepTimeSecond, testTimeSecond, outcome, holds, waitingFor, Health.ANSWERING, Remaining.UNKNOWN);
    }

    /** This status with {@code other} health (the scheduler adds what it knows after a run ended). */
    public RunnerStatus with(Health other) {
        return new RunnerStatus(state, stepText, stepIndex, stepCount, plannedStepCount, cycleCount, voltageVolt,
                currentAmpere, stepTimeSecond, testTimeSecond, outcome, holds, waitingFor, other, remaining);
    }

    /** Whether an instrument of the cell has stopped answering (an incident the runner is riding out). */
    public boolean notAnswering() {
        return !health.lastFailure().isEmpty();
    }

    /**
     * Whether the cell's instruments answer.
     *
     * @param failingSinceSecond    test time at which the first failed read of the incident in
     *                              progress began; {@code NaN} while reads succeed
     * @param lastFailure           the incident's last failure, naming the instrument and the
     *                              command; empty while reads succeed
     * @param nextSampleSecond      test time at which the next sample is due: a channel that
     *                              falls silent fell silent then; {@code NaN} before the first reading
     * @param unconfirmedSinceSecond test time since which the run has ended with its channel's
     *                              output not confirmed off (cellbench keeps switching it off
     *                              until the instrument confirms); {@code NaN} when confirmed or
     *                              never in doubt
     * @param switchOffFailure      why the last attempt to switch it off failed; empty when none
     */
    public record Health(double failingSinceSecond, String lastFailure, double nextSampleSecond,
                         double unconfirmedSinceSecond, String switchOffFailure) {
        public static final Health ANSWERING = new Health(Double.NaN, "", Double.NaN, Double.NaN, "");

        public Health {
            lastFailure = lastFailure == null ? "" : lastFailure;
            switchOffFailure = switchOffFailure == null ? "" : switchOffFailure;
        }

        /** Whether the output of an ended run's channel is still not confirmed off. */
        public boolean outputUnconfirmed() {
            return !Double.isNaN(unconfirmedSinceSecond);
        }

        /** This health with the output not confirmed off since {@code since} (test time), for {@code why}. */
        public Health unconfirmed(double since, String why) {
            return new Health(failingSinceSecond, lastFailure, nextSampleSecond, since, why);
        }
    }

    /**
     * How much of the protocol is left, in lab time (test time: a simulation's speed is the
     * reader's business). Estimated from the protocol's remaining steps: time-bounded steps
     * by their time, the others by the same step's duration in an earlier cycle, or else by
     * the cell's capacity at the step's current (see docs/runner.md#status).
     *
     * @param stepSecond  the expected duration of the current step; {@code NaN} when unknown
     * @param totalSecond the expected time from now to the end of the protocol; {@code NaN} when unknown
     * @param guess       true when any part of it is an estimate rather than a known duration
     */
    public record Remaining(double stepSecond, double totalSecond, boolean guess) {
        public static final Remaining UNKNOWN = new Remaining(Double.NaN, Double.NaN, true);
    }

    /** A cell of a schedule that ended without running a step: stopped while waiting, or its instruments failed to open. */
    public static RunnerStatus endedBeforeStart(RunEvent.Outcome outcome, int plannedStepCount) {
        return new RunnerStatus(State.ENDED, "", 0, 0, plannedStepCount, 1, Double.NaN, Double.NaN, 0, 0, outcome,
                java.util.List.of(), "", Health.ANSWERING, new Remaining(Double.NaN, 0, false));
    }

    /**
     * A cell of a schedule that has not started: it waits for a channel or a start condition.
     *
     * @param plannedStepCount the steps its protocol will execute ({@link ProtocolRunner#plannedStepCount})
     */
    public static RunnerStatus waiting(String what, int plannedStepCount) {
        return waiting(what, plannedStepCount, Remaining.UNKNOWN);
    }

    /** As {@link #waiting(String, int)}, with the whole protocol's estimated duration. */
    public static RunnerStatus waiting(String what, int plannedStepCount, Remaining whole) {
        return new RunnerStatus(State.WAITING, "", 0, 0, plannedStepCount, 1, Double.NaN, Double.NaN, 0, 0, null,
                java.util.List.of(), what, Health.ANSWERING, whole);
    }

    public enum State {
        /** {@link ProtocolRunner#run()} has not been called yet. */
        NOT_STARTED,
        /** Sourcing or resting the cell and sampling it. */
        RUNNING,
        /** Waiting for the pressure or the temperature to settle (the channel rests). */
        SETTLING,
        /** An impedance sweep is running. */
        MEASURING_IMPEDANCE,
        /** Held (by an operator or an interlock): the channel rests at open circuit, sampled and logged. */
        PAUSED,
        /** Resting at open circuit until a shared instrument or a shared chamber is free or ready. */
        WAITING,
        /** The run is over; {@link #outcome} says how. */
        ENDED
    }
}
