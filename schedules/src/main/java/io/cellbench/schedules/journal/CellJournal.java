package io.cellbench.schedules.journal;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Journals one cell's position to DIR/journal/&lt;cell&gt;.json. Every write first makes the
 * cell's recorded samples durable ({@code flushData}), so the data on disk is never behind
 * the journal; then it replaces the file atomically (temp file, fsync, rename).
 *
 * <p>When: at every step start, CV switch and recorded spectrum, at the run's end, and after
 * a recorded sample once {@value #MIN_TEST_SECONDS} s of test time have passed since the last
 * write. That matches the run directory's own batching (a batch is written when its rows
 * span 30 s), so the journal adds one small fsync'd file per data batch, and the last
 * sample on disk is normally the journaled one: a simulated cell's saved state then matches
 * the data exactly. Samples that reach the disk after the last write (a batch filled by row
 * count) are caught up with on resume (see {@link ResumePlan}).
 */
public final class CellJournal implements PositionListener {
    static final double MIN_TEST_SECONDS = 30;

    private final Path runDirectory;
    private final String cellId;
    private final Runnable flushData;
    private final Supplier<Map<String, double[]>> instruments;
    private RunPosition last;
    private double lastWrittenTestTime = Double.NEGATIVE_INFINITY;

    public CellJournal(Path runDirectory, String cellId, Runnable flushData,
                       Supplier<Map<String, double[]>> instruments) {
        this.runDirectory = runDirectory;
        this.cellId = cellId;
        this.flushData = flushData;
        this.instruments = instruments;
    }

    @Override
    public void at(RunPosition position, boolean boundary) {
        last = position;
        if (!boundary && position.testTimeSecond() - lastWrittenTestTime < MIN_TEST_SECONDS) {
            return;
        }
        write(position, null);
    }

    @Override
    public void ended(RunEvent.Outcome outcome, RunPosition position) {
        write(position != null ? position : last, outcome);
    }

    private void write(RunPosition position, RunEvent.Outcome outcome) {
        flushData.run();
        double written = position == null ? Double.NaN : position.runStartUnixSecond() + position.testTimeSecond();
        JournalEntry entry = new JournalEntry(cellId, Double.isNaN(written) ? 0 : written, position, outcome,
                instruments.get());
        try {
            JournalFiles.writeEntry(runDirectory, entry);
        } catch (IOException e) {
            throw JournalFiles.failure(JournalFiles.cellFile(runDirectory, cellId), e);
        }
        if (position != null) {
            lastWrittenTestTime = position.testTimeSecond();
        }
    }
}
