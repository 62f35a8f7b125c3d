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
 * cell's recorded samples durable ({@code flushData}), so the data on disk are never behind
 * the journal; then it replaces the file atomically (temp file, fsync, rename).
 *
 * <p>When: at every step start, CV switch and recorded spectrum, at the run's end; after a
 * recorded sample once {@value #MIN_TEST_SECONDS} s of test time <em>and</em> one second of
 * wall time have passed since the last write; and whenever the data sink has written a
 * batch by itself ({@code batchRows} samples since the last write), so that the last sample
 * on disk is the journaled one and a simulated cell's saved state matches the data. The
 * sink is meant to batch by row count only (no time rule): the journal's writes set the
 * pace of the data's batches. Each write costs two fsyncs, so at most about one per wall
 * second per cell, plus one per step. Should a batch still reach the disk after the last
 * write, a resume catches up with it from the data (see {@link ResumePlan}).
 */
public final class CellJournal implements PositionListener {
    static final double MIN_TEST_SECONDS = 30;
    static final long MIN_WALL_NANOS = 1_000_000_000L;

    private final Path runDirectory;
    private final String cellId;
    private final Runnable flushData;
    private final Supplier<Map<String, double[]>> instruments;
    private final int batchRows;
    private RunPosition last;
    private double lastWrittenTestTime = Double.NEGATIVE_INFINITY;
    private long lastWrittenNanos = System.nanoTime() - MIN_WALL_NANOS;
    private int recordedSinceWrite;

    /** @param batchRows after how many recorded samples the data sink writes a batch by itself */
    public CellJournal(Path runDirectory, String cellId, Runnable flushData,
                       Supplier<Map<String, double[]>> instruments, int batchRows) {
        this.batchRows = batchRows;
        this.runDirectory = runDirectory;
        this.cellId = cellId;
        this.flushData = flushData;
        this.instruments = instruments;
    }

    @Override
    public void at(RunPosition position, boolean boundary) {
        last = position;
        if (!boundary) {
            recordedSinceWrite++;
            boolean sinkWroteBatch = recordedSinceWrite >= batchRows;
            boolean due = position.testTimeSecond() - lastWrittenTestTime >= MIN_TEST_SECONDS
                    && System.nanoTime() - lastWrittenNanos >= MIN_WALL_NANOS;
            if (!sinkWroteBatch && !due) {
                return;
            }
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
        lastWrittenNanos = System.nanoTime();
        recordedSinceWrite = 0;
    }
}
