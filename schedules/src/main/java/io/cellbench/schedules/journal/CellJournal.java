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
 * a recorded sample once {@value #MIN_TEST_SECONDS} s of test time <em>and</em> one second
 * of wall time have passed since the last write. Each write costs two fsyncs (data batch and
 * journal), so at most about one per second per cell; the samples between two writes are
 * not lost on a crash (the sink writes them in its own batches) and a resume catches up
 * with them from the data (see {@link ResumePlan}).
 */
public final class CellJournal implements PositionListener {
    static final double MIN_TEST_SECONDS = 30;
    static final long MIN_WALL_NANOS = 1_000_000_000L;

    private final Path runDirectory;
    private final String cellId;
    private final Runnable flushData;
    private final Supplier<Map<String, double[]>> instruments;
    private RunPosition last;
    private double lastWrittenTestTime = Double.NEGATIVE_INFINITY;
    private long lastWrittenNanos;

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
        if (!boundary && (position.testTimeSecond() - lastWrittenTestTime < MIN_TEST_SECONDS
                || System.nanoTime() - lastWrittenNanos < MIN_WALL_NANOS)) {
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
        lastWrittenNanos = System.nanoTime();
    }
}
