package io.cellbench.schedules.execution;

import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.util.Map;

/**
 * Journals each cell's position, and says where a resumed cell continues from. Besides the
 * runner's position, the scheduler's own decisions about a cell are journaled: the channel
 * a pool gave it (the cell is wired there) and the holds a person put on it.
 */
public interface CellJournaling {

    /** Where {@code cell}'s run goes on from (its instruments restored to match), or {@code null} to start afresh. */
    RunPosition resumeFrom(ScheduledCell cell, CellInstruments instruments);

    /** The listener that journals {@code cell}'s position, or {@code null}. */
    PositionListener journal(ScheduledCell cell, CellInstruments instruments);

    /**
     * Journals the channel {@code cellId} was given, durably before it returns. Called from the
     * cell's thread before its instruments open.
     */
    default void placed(String cellId, String channel) {
    }

    /**
     * Journals the cell's holds that outlive the process (every source but the interlocks,
     * source → reason; empty when none), durably before it returns. Called from any thread,
     * one call at a time.
     */
    default void held(String cellId, Map<String, String> holds) {
    }

    /**
     * True when {@code cell} continues an interrupted run: it started before, so its start
     * conditions (other cells ending, its start time) are behind it.
     */
    default boolean continues(ScheduledCell cell) {
        return false;
    }

    /** The channel the interrupted run had given {@code cell}, or {@code null} (a fresh run, or none journaled). */
    default String resumeChannel(ScheduledCell cell) {
        return null;
    }

    /** The holds {@code cell} had when the run was interrupted, source → reason; empty for none. */
    default Map<String, String> resumeHolds(ScheduledCell cell) {
        return Map.of();
    }
}
