package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.HoldSources;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the free space of the run directory's file system and, before it runs out, holds
 * every cell at open circuit (a hold like an interlock's: sampled, logged, safety limits
 * checked, step time standing still) with an ALARM, so that no write fails for want of
 * space; once there is {@value #RESUME_FACTOR}× the minimum free again the cells go on by
 * themselves (the margin keeps them from flapping). Bluesky's suspender pattern, applied to
 * the disk.
 */
public final class DiskSpaceWatch implements AutoCloseable {
    /** The cells go on once this many times the minimum is free again. */
    public static final double RESUME_FACTOR = 1.2;

    /** Where free space is read: the real file system, or a test's. */
    @FunctionalInterface
    public interface FreeSpace {
        long usableBytes() throws IOException;

        /** The usable space of the file system that holds {@code path} (or its nearest existing parent). */
        static FreeSpace of(Path path) {
            return () -> {
                Path p = path.toAbsolutePath();
                while (p != null && !Files.exists(p)) {
                    p = p.getParent();
                }
                return Files.getFileStore(p == null ? path.toAbsolutePath().getRoot() : p).getUsableSpace();
            };
        }
    }

    private final FreeSpace free;
    private final long minBytes;
    private final String where;
    private final ScheduleRunner runner;
    private final RunListener record;
    private final Consumer<String> console;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().daemon().name("disk-space-watch").unstarted(r));
    private boolean holding;
    private boolean unreadable;

    /**
     * @param where   the run directory, for messages
     * @param record  the run's listener: the ALARM and the all-clear go to events.jsonl and the alarms
     * @param console where the technician watching the run sees them
     */
    public DiskSpaceWatch(FreeSpace free, long minBytes, Path where, ScheduleRunner runner, RunListener record,
                          Consumer<String> console) {
        this.free = free;
        this.minBytes = minBytes;
        this.where = where.toString();
        this.runner = runner;
        this.record = record;
        this.console = console;
    }

    /** Checks now and then every {@code period}, on a thread of its own. */
    public DiskSpaceWatch start(Duration period) {
        timer.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at the free space: hold every cell below the minimum, release them above the margin. */
    synchronized void check() {
        long bytes;
        try {
            bytes = free.usableBytes();
        } catch (IOException | RuntimeException e) {
            if (!unreadable) {
                unreadable = true;
                say(Severity.WARNING, "disk space: cannot read the free space of the file system of " + where + " ("
                        + e.getMessage() + "); it is not watched until it can be read again");
            }
            return;
        }
        unreadable = false;
        long resumeAt = (long) (minBytes * RESUME_FACTOR);
        if (!holding && bytes < minBytes) {
            holding = true;
            // the holds read "disk space: 480 MB free on …": the source names the hold
            String reason = size(bytes) + " free on the file system of " + where + ", below " + size(minBytes)
                    + " (--min-free-space)";
            say(Severity.ALARM, "disk space: " + reason + ": every cell is paused at open circuit before the disk is full; free some "
                    + "space there and the cells go on by themselves once " + size(resumeAt) + " are free");
            for (ScheduledCell c : runner.schedule().cells()) {
                runner.hold(c.info().id(), HoldSources.DISK_SPACE, reason);
            }
        } else if (holding && bytes >= resumeAt) {
            holding = false;
            for (ScheduledCell c : runner.schedule().cells()) {
                runner.release(c.info().id(), HoldSources.DISK_SPACE);
            }
            say(Severity.INFO, "disk space: " + size(bytes) + " free again on the file system of " + where
                    + "; the cells paused for it go on");
        }
    }

    private void say(Severity severity, String text) {
        boolean recorded;
        try {
            record.on(new RunEvent.Notice("", Double.NaN, severity, text));
            recorded = true;
        } catch (RuntimeException e) {
            recorded = false; // a full disk may refuse the record too: the console still has it
        }
        // An ALARM that reached the run's listener is printed with every other alarm (the
        // console's alarm lines); printing it here as well would show it twice.
        if (severity != Severity.ALARM || !recorded) {
            console.accept("cellbench: " + (severity == Severity.INFO ? "" : severity + ": ") + text);
        }
    }

    /** "1.2 GB", "830 MB", "512 kB" (decimal units, as df -H and file managers show them). */
    public static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (u == 0 ? Long.toString(bytes) : String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v)) + " " + units[u];
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
