package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;

/**
 * A consistent snapshot of where a run is, for progress bars and status pages. Taken from
 * another thread with {@link ProtocolRunner#status()}; every field comes from the same
 * sample.
 *
 * @param state            what the runner is doing
 * @param stepText         the current step as written, empty before the first step
 * @param stepIndex        1-based position of the current step in the protocol, 0 before the first
 * @param stepCount        steps executed so far, counting the current one
 * @param plannedStepCount steps the whole protocol executes (repeats unrolled), for a progress fraction
 * @param cycleCount       the current cycle (1-based)
 * @param voltageVolt      last measured voltage, {@code NaN} before the first reading
 * @param currentAmpere    last measured current, positive while charging
 * @param stepTimeSecond   time since the current step began
 * @param testTimeSecond   time since the run began
 * @param outcome          how the run ended, {@code null} while it has not
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
        RunEvent.Outcome outcome) {

    public enum State {
        /** {@link ProtocolRunner#run()} has not been called yet. */
        NOT_STARTED,
        /** Sourcing or resting the cell and sampling it. */
        RUNNING,
        /** Waiting for the pressure or the temperature to settle (the channel rests). */
        SETTLING,
        /** An impedance sweep is running. */
        MEASURING_IMPEDANCE,
        /** The run is over; {@link #outcome} says how. */
        ENDED
    }
}
