package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.Step;

/** Whether a step counts as a charge or a discharge for the cycle counter. */
enum StepDirection {
    CHARGE, DISCHARGE, NEITHER;

    /** Only Charge and Discharge drive steps move the cycle counter; holds, rests and the rest do not. */
    static StepDirection of(Step step) {
        if (step instanceof Step.Drive drive) {
            return switch (drive.kind()) {
                case CHARGE -> CHARGE;
                case DISCHARGE -> DISCHARGE;
                case HOLD -> NEITHER;
            };
        }
        return NEITHER;
    }
}
