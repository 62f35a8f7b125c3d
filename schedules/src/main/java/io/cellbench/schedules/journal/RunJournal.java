package io.cellbench.schedules.journal;

import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.CellJournaling;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The journal of a run directory: one {@link CellJournal} per cell, and, for a resumed run,
 * the positions the cells continue from.
 *
 * @param runDirectory the run directory (the journal is DIR/journal)
 * @param flushCell    makes a cell's recorded samples durable (the run directory sink's flush)
 * @param state        saves and restores instrument state (simulated instruments)
 * @param maxRows      journal (and flush) after this many recorded samples at the latest; below
 *                     the sink's own batch size (see {@link CellJournal})
 * @param resume       per cell id, where it continues; empty for a fresh run
 */
public record RunJournal(Path runDirectory, Consumer<String> flushCell, InstrumentState state, int maxRows,
                         Map<String, JournalEntry> resume) implements CellJournaling {

    public RunJournal {
        resume = Map.copyOf(resume);
    }

    @Override
    public RunPosition resumeFrom(ScheduledCell cell, CellInstruments instruments) {
        JournalEntry entry = resume.get(cell.info().id());
        if (entry == null || entry.position() == null) {
            return null;
        }
        state.restore(instruments, entry.instruments());
        return entry.position();
    }

    @Override
    public PositionListener journal(ScheduledCell cell, CellInstruments instruments) {
        String id = cell.info().id();
        return new CellJournal(runDirectory, id, () -> flushCell.accept(id), () -> state.save(instruments), maxRows);
    }
}
