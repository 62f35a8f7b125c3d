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
        String waitingFor) {

    /** A cell of a schedule that ended without running a step: stopped while waiting, or its instruments failed to open. */
    public static RunnerStatus endedBeforeStart(RunEvent.Outcome outcome, int plannedStepCount) {
        return new RunnerStatus(State.ENDED, "", 0, 0, plannedStepCount, 1, Double.NaN, Double.NaN, 0, 0, outcome,
                java.util.List.of(), "");
    }

    /**
     * A cell of a schedule that has not started: it waits for a channel or a start condition.
     *
     * @param plannedStepCount the steps its protocol will execute ({@link ProtocolRunner#plannedStepCount})
     */
    public static RunnerStatus waiting(String what, int plannedStepCount) {
        return new RunnerStatus(State.WAITING, "", 0, 0, plannedStepCount, 1, Double.NaN, Double.NaN, 0, 0, null,
                java.util.List.of(), what);
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
