package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;

/**
 * Unwinds a run from wherever it is (a step deep inside repeats) to the one place that
 * ends it. Control flow, not an error report, so it carries no stack trace.
 */
final class RunEnd extends Exception {
    private final RunEvent.Outcome outcome;

    RunEnd(RunEvent.Outcome outcome, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
    }

    RunEvent.Outcome outcome() {
        return outcome;
    }
}
