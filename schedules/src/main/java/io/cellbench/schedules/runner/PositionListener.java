package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;

/**
 * Hears where a run stands, to journal it. Called on the runner's thread, always after the
 * events that led to the position were given to the run's {@link io.cellbench.core.data.RunListener}.
 */
public interface PositionListener {

    /**
     * The run is at {@code position}. {@code boundary} is true at a step start, at the switch
     * to a CC-CV's CV phase and after a spectrum: those must be kept; the others (after each
     * recorded sample) may be skipped to save writes.
     */
    void at(RunPosition position, boolean boundary);

    /**
     * After a fault or a trip, before {@link #ended}: whether the instrument confirmed the
     * channel's output off (a resume switches off one that was not).
     */
    default void switchedOff(boolean confirmed) {
    }

    /** The instrument confirmed the output off after the run ended (see {@link #switchedOff}). */
    default void confirmedOffLater() {
    }

    /** The run ended; {@code last} is the position it ended at, or {@code null} before any step. */
    void ended(RunEvent.Outcome outcome, RunPosition last);
}
