package io.cellbench.schedules.journal;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Journals one cell's position to DIR/journal/&lt;cell&gt;.json, replacing the file
 * atomically (temp file, fsync, rename), and then makes the cell's recorded samples durable
 * ({@code flushData}). In that order: the journal is never behind the data on disk, so the
 * counters and a simulated cell's saved state, both taken at the journaled position, go on
 * together; samples recorded before the position that had not reached the disk when the
 * process died are lost with the downtime (they fall into the gap).
 *
 * <p>When: at every step start, CV switch and recorded spectrum, at the run's end; after a
 * recorded sample once {@value #MIN_TEST_SECONDS} s of test time <em>and</em> one second of
 * wall time have passed since the last write; and after {@code maxRows} recorded samples
 * without a write. The data sink is meant to batch by a row count above {@code maxRows}
 * and no time rule, so that its batches are all written here, after the journal. Each
 * write costs two fsyncs: at most about one write per wall second per cell, plus one per
 * step. Should data still reach the disk beyond the last position (a sink batching on its
 * own), a resume catches up with it from the data (see {@link ResumePlan}).
 *
 * <p>Each version also says up to which test time the data were on disk when it was written
 * (the last sample recorded before the previous version's flush, which had succeeded; not
 * that version's position, which may lie after it): a resume that finds the data
 * ending before that knows recorded data went missing, rather than the last unwritten batch
 * an interruption costs.
 */
public final class CellJournal implements PositionListener {
    static final double MIN_TEST_SECONDS = 30;
    static final long MIN_WALL_NANOS = 1_000_000_000L;

    private final Path runDirectory;
    private final String cellId;
    private final Runnable flushData;
    private final Supplier<Map<String, double[]>> instruments;
    private final int maxRows;
    private RunPosition last;
    /** Test time up to which the cell's samples are known to be on disk (null: none yet). */
    private Double dataThrough;
    /**
     * Test time of the last sample recorded (null: none yet). What a flush puts on disk ends
     * here, not at the position written: a step boundary or a CV switch falls between samples.
     */
    private Double recordedThrough;
    private double lastWrittenTestTime = Double.NEGATIVE_INFINITY;
    private long lastWrittenNanos = System.nanoTime() - MIN_WALL_NANOS;
    private int recordedSinceWrite;
    /** After a fault or a trip: whether the instrument confirmed the output off (null: not asked). */
    private Boolean outputOffConfirmed;

    /** @param maxRows write after this many recorded samples at the latest (below the sink's batch size) */
    public CellJournal(Path runDirectory, String cellId, Runnable flushData,
                       Supplier<Map<String, double[]>> instruments, int maxRows) {
        this(runDirectory, cellId, flushData, instruments, maxRows, null, null);
    }

    /**
     * A cell that continues an interrupted run: until its first write, the journal keeps the
     * position it continues from and the end of the data a resume found on disk.
     *
     * @param resumedAt   the position the cell continues from, or null for a fresh cell
     * @param dataOnDisk  the test time of the cell's last sample on disk, or null for none
     */
    public CellJournal(Path runDirectory, String cellId, Runnable flushData,
                       Supplier<Map<String, double[]>> instruments, int maxRows, RunPosition resumedAt,
                       Double dataOnDisk) {
        this.last = resumedAt;
        this.dataThrough = dataOnDisk;
        this.recordedThrough = dataOnDisk;
        this.maxRows = maxRows;
        this.runDirectory = runDirectory;
        this.cellId = cellId;
        this.flushData = flushData;
        this.instruments = instruments;
    }

    @Override
    public void at(RunPosition position, boolean boundary) {
        last = position;
        if (!boundary) {
            recordedThrough = position.testTimeSecond();
            recordedSinceWrite++;
            boolean full = recordedSinceWrite >= maxRows;
            boolean due = position.testTimeSecond() - lastWrittenTestTime >= MIN_TEST_SECONDS
                    && System.nanoTime() - lastWrittenNanos >= MIN_WALL_NANOS;
            if (!full && !due) {
                return;
            }
        }
        write(position, null);
    }

    @Override
    public void switchedOff(boolean confirmed) {
        outputOffConfirmed = confirmed;
    }

    /**
     * The instrument confirmed the output off after the end: only the flag changes (the data
     * were made durable at the end).
     */
    @Override
    public void confirmedOffLater() {
        try {
            var entry = JournalFiles.readEntry(runDirectory, cellId);
            if (entry.isPresent()) {
                JournalFiles.writeEntry(runDirectory, entry.get().outputConfirmedOff());
            }
        } catch (IOException e) {
            throw JournalFiles.failure(cellId, JournalFiles.cellFile(runDirectory, cellId), e);
        }
    }

    @Override
    public void ended(RunEvent.Outcome outcome, RunPosition position) {
        write(position != null ? position : last, outcome);
    }

    private void write(RunPosition position, RunEvent.Outcome outcome) {
        double written = position == null ? Double.NaN : position.runStartUnixSecond() + position.testTimeSecond();
        JournalEntry entry = new JournalEntry(cellId, Double.isNaN(written) ? 0 : written, position, outcome,
                instruments.get(), dataThrough, outcome == null ? null : outputOffConfirmed);
        try {
            JournalFiles.writeEntry(runDirectory, entry);
        } catch (IOException e) {
            throw JournalFiles.failure(cellId, JournalFiles.cellFile(runDirectory, cellId), e);
        }
        if (position != null) {
            lastWrittenTestTime = position.testTimeSecond();
        }
        Double recorded = recordedThrough; // the samples this flush puts on disk
        if (outcome == null && recordedSinceWrite > 0) {
            KillWindow.beforeFlush(); // a test's kill lands here (see KillWindow); nothing otherwise
        }
        flushData.run();
        dataThrough = recorded;
        lastWrittenNanos = System.nanoTime();
        recordedSinceWrite = 0;
    }
}
