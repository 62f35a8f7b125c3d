package io.cellbench.schedules.session;

import io.cellbench.daq.run.RecordingFailure;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.sink.SinkFanout;
import io.cellbench.schedules.control.RunControls;
import io.cellbench.schedules.execution.ScheduleRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a session has opened, closed once and in one order whatever happened: the impedance
 * fits first (the sweeps still queued), then the control channel (its alarms' fates are
 * recorded while events.jsonl is still open), then the sinks (they finish sending and say how it went), then the run directory, then the
 * instruments. Meanwhile Ctrl-C stops every cell (each goes to open circuit and records its
 * last sample) and lets the files close before the JVM exits, so nothing recorded is lost.
 */
final class OpenRun implements AutoCloseable {
    private final Path runDirectory;
    private final PrintStream console;
    private final AutoCloseable instruments;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread onInterrupt = new Thread(this::stopOnInterrupt, "stop-on-interrupt");
    private RunControls controls;
    // What the session opens, in this order, each set as soon as it is open (null: not yet).
    BufferAllocator allocator;
    RunDirectorySink record;
    volatile SinkFanout sinks; // read by the Ctrl-C hook
    volatile ScheduleRunner runner; // read by the Ctrl-C hook
    SessionFits fits;
    private boolean done;

    /** @param instruments closed last (a lab's connections); null for none */
    OpenRun(Path runDirectory, PrintStream console, AutoCloseable instruments) {
        this.runDirectory = runDirectory;
        this.console = console;
        this.instruments = instruments;
    }

    /** The control channel is open: from now on Ctrl-C stops the run and waits for its files. */
    RunControls controls(RunControls c) {
        this.controls = c;
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        return c;
    }

    private void stopOnInterrupt() {
        ScheduleRunner r = runner;
        if (r != null) {
            console.println("cellbench: stopping every cell and closing the files…");
            r.stop();
        }
        SinkFanout s = sinks;
        long patience = 30 + (s == null ? 0 : s.closePatience().toSeconds());
        try {
            if (closed.await(patience, TimeUnit.SECONDS) && r != null) {
                console.println("cellbench: stopped; every cell is at open circuit and its data are on disk."
                        + " Continue the run with: cellbench resume " + runDirectory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (fits != null) {
                fits.close(); // after the runner (no more sweeps), before the sinks and the run directory
            }
            if (controls != null) {
                controls.close(); // while events.jsonl is open: the last alarms' fate is recorded
            }
            if (sinks != null) {
                sinks.close();
            }
            closeRecord();
        } finally {
            if (instruments != null) {
                try {
                    instruments.close();
                } catch (Exception e) {
                    console.println("cellbench: warning: closing the instruments failed: " + e.getMessage());
                }
            }
            closed.countDown();
            if (controls != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it is waiting for the latch released above
                }
            }
        }
    }

    /**
     * A failure closing the run directory's files (the end markers on a full disk) is said on the
     * console, not thrown over the run's summary: what was written stays.
     */
    private void closeRecord() {
        try {
            if (record != null) {
                try {
                    record.close();
                } catch (RecordingFailure e) {
                    console.println("cellbench: ALARM: " + e.getMessage() + "; everything written before is intact");
                }
            }
        } finally {
            if (allocator != null) {
                allocator.close();
            }
        }
    }
}
