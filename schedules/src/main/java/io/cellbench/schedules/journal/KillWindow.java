package io.cellbench.schedules.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A test hook for the one moment a kill test cannot reach by waiting on what a run writes: a
 * journal version on disk whose samples are not flushed yet ({@link CellJournal}). Started with
 * {@code -Dcellbench.test.pauseBeforeFlush=FILE}, a process's first journal write after recorded
 * samples (its n-th with {@code -Dcellbench.test.pauseBeforeFlush.write=n}) creates FILE once the
 * journal is written, then waits there, before the flush, for good: the test sees FILE and kills the process (SIGKILL) in that window. Unset (always, outside
 * such a test), it costs a static read per journal write and does nothing.
 */
final class KillWindow {
    static final String PROPERTY = "cellbench.test.pauseBeforeFlush";
    private static final String READY = System.getProperty(PROPERTY);
    private static final int WRITE = Integer.getInteger(PROPERTY + ".write", 1);
    private static final AtomicInteger WRITES = new AtomicInteger();

    private KillWindow() {
    }

    /** The journal is written and the samples recorded since the last write are not on disk yet. */
    static void beforeFlush() {
        if (READY == null || WRITES.incrementAndGet() != WRITE) {
            return;
        }
        try {
            Files.writeString(Path.of(READY), "journal written, samples not flushed\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        while (true) { // until SIGKILL: nothing after this point may run
            LockSupport.park();
        }
    }
}
