package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.daq.run.RecordingFailure;

/**
 * How a run ended, as its RunFinished event reports it: the outcome and the message, mapped from
 * what ended the run's body. Every runner ends the same way, so the mapping lives once.
 *
 * @param interrupted the runner's thread was interrupted: the runner sets the flag again after
 *                    finishing, so whoever interrupted it sees it
 */
record RunEnding(Outcome outcome, String message, boolean interrupted) {

    /** Every step ran to its end. */
    static final RunEnding COMPLETED = new RunEnding(Outcome.COMPLETED, "all steps completed", false);

    /**
     * The ending {@code thrown} means. {@code afterRecordingFailure} finishes the message of a
     * recording failure (a full disk): what became of the cell, and what to do.
     */
    static RunEnding of(Exception thrown, String afterRecordingFailure) {
        return switch (thrown) {
            case RunEnd e -> new RunEnding(e.outcome(), e.getMessage(), false);
            case InterruptedException e ->
                    new RunEnding(Outcome.STOPPED, "stopped: the runner's thread was interrupted", true);
            case InstrumentException e -> new RunEnding(Outcome.FAULT, e.getMessage(), false);
            case RecordingFailure e -> new RunEnding(Outcome.STOPPED, e.getMessage() + afterRecordingFailure, false);
            default -> new RunEnding(Outcome.FAULT, "internal error: " + thrown, false);
        };
    }
}
