package io.cellbench.schedules.journal;

import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.CellJournaling;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The journal of a run directory: one {@link CellJournal} per cell, one {@link SchedulerEntry}
 * per cell (its pool channel and its holds), and, for a resumed run, the positions the cells
 * continue from. A fresh run has a new, empty directory, so the scheduler entries it finds
 * are always those of the run it continues.
 */
public final class RunJournal implements CellJournaling {
    private final Path runDirectory;
    private final Consumer<String> flushCell;
    private final InstrumentState state;
    private final int maxRows;
    private final Map<String, JournalEntry> resume;
    /** The scheduler entries as last written (or read); guarded by {@code this}. */
    private final Map<String, SchedulerEntry> scheduled = new HashMap<>();

    /**
     * @param runDirectory the run directory (the journal is DIR/journal)
     * @param flushCell    makes a cell's recorded samples durable (the run directory sink's flush)
     * @param state        saves and restores instrument state (simulated instruments)
     * @param maxRows      journal (and flush) after this many recorded samples at the latest; below
     *                     the sink's own batch size (see {@link CellJournal})
     * @param resume       per cell id, where it continues; empty for a fresh run
     */
    public RunJournal(Path runDirectory, Consumer<String> flushCell, InstrumentState state, int maxRows,
                      Map<String, JournalEntry> resume) {
        this.runDirectory = runDirectory;
        this.flushCell = flushCell;
        this.state = state;
        this.maxRows = maxRows;
        this.resume = Map.copyOf(resume);
    }

    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public RunPosition resumeFrom(ScheduledCell cell, CellInstruments instruments) {
        JournalEntry entry = resume.get(cell.info().id());
        if (entry == null || entry.position() == null) {
            return null;
        }
        state.restore(instruments, ProgramStates.withDataThrough(entry.instruments(), entry.dataThroughTestTimeSecond()));
        return entry.position();
    }

    @Override
    public boolean continues(ScheduledCell cell) {
        JournalEntry entry = resume.get(cell.info().id());
        return entry != null && entry.position() != null;
    }

    @Override
    public PositionListener journal(ScheduledCell cell, CellInstruments instruments) {
        String id = cell.info().id();
        JournalEntry from = resume.get(id);
        return new CellJournal(runDirectory, id, () -> flushCell.accept(id), () -> state.save(instruments), maxRows,
                from == null ? null : from.position(), from == null ? null : from.dataThroughTestTimeSecond());
    }

    @Override
    public synchronized void placed(String cellId, String channel) {
        write(entry(cellId).withChannel(channel));
    }

    @Override
    public synchronized void held(String cellId, Map<String, String> holds) {
        write(entry(cellId).withHolds(holds));
    }

    @Override
    public synchronized String resumeChannel(ScheduledCell cell) {
        return entry(cell.info().id()).channel();
    }

    @Override
    public synchronized Map<String, String> resumeHolds(ScheduledCell cell) {
        return entry(cell.info().id()).holds();
    }

    /** The cell's entry: as last written, else from its file (a resumed run), else empty. */
    private SchedulerEntry entry(String cellId) {
        SchedulerEntry known = scheduled.get(cellId);
        if (known != null) {
            return known;
        }
        try {
            known = JournalFiles.readScheduler(runDirectory, cellId).orElse(SchedulerEntry.empty(cellId));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        scheduled.put(cellId, known);
        return known;
    }

    private void write(SchedulerEntry entry) {
        try {
            JournalFiles.writeScheduler(runDirectory, entry);
        } catch (IOException e) {
            throw JournalFiles.failure(entry.cellId(), JournalFiles.schedulerFile(runDirectory, entry.cellId()), e);
        }
        scheduled.put(entry.cellId(), entry);
    }
}
