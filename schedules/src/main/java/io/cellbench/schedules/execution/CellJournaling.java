package io.cellbench.schedules.execution;

import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.schedule.ScheduledCell;

/** Journals each cell's position, and says where a resumed cell continues from. */
public interface CellJournaling {

    /** Where {@code cell}'s run goes on from (its instruments restored to match), or {@code null} to start afresh. */
    RunPosition resumeFrom(ScheduledCell cell, CellInstruments instruments);

    /** The listener that journals {@code cell}'s position, or {@code null}. */
    PositionListener journal(ScheduledCell cell, CellInstruments instruments);
}
