package io.cellbench.core.instrument;

import java.util.Objects;

/**
 * A channel's program as the cycler reports it now. Values the cycler did not give (a finished
 * channel has no step) are {@code -1} or {@code NaN}. Current is positive while charging.
 *
 * @param state          what the program is doing
 * @param cyclerState    the cycler's own word for it ("working", "finish", …), for messages
 * @param step           the program's step number (1-based), or -1
 * @param cycle          the cycle counter, or -1
 * @param stepType       the cycler's name of the step's kind ("cc", "rest", …), or "" when none
 * @param voltageVolt    the cell voltage
 * @param currentAmpere  the cell current
 * @param capacityAh     the capacity the step has moved so far
 * @param testTimeSecond time since the program started
 * @param stepTimeSecond time since the step started
 */
public record ProgramStatus(ProgramState state, String cyclerState, int step, int cycle, String stepType,
                            double voltageVolt, double currentAmpere, double capacityAh, double testTimeSecond,
                            double stepTimeSecond) {
    public ProgramStatus {
        Objects.requireNonNull(state, "state");
        cyclerState = cyclerState == null ? "" : cyclerState;
        stepType = stepType == null ? "" : stepType;
    }
}
