package io.cellbench.daq.influx;

import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.time.Backoff;
import io.cellbench.daq.spool.Spool;
import io.cellbench.daq.spool.SpoolBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drains a spool to InfluxDB on its own thread: reads a batch, posts it until the server
 * takes it, then commits it. While the server is away it retries with backoff forever.
 * When the server blames the lines, the batch is split in halves until the bad lines are
 * found; those go to {@code rejected/} with an alarm, the rest are written.
 * A batch is committed only after every line of it is written or rejected, so a crash
 * anywhere re-sends whole batches, and re-sent points overwrite themselves.
 */
final class InfluxWriter implements Runnable {

    /** Where the writer reports; implemented by the sink. */
    interface Events {
        void notice(Severity severity, String kind, String message);

        /** After each commit: the sink re-checks its backlog alarms. */
        void committed();
    }

    private final Spool spool;
    private final LinePoster poster;
    private final int batchSize;
    private final long flushNanos;
    private final Backoff backoff;
    private final Events events;

    final AtomicLong linesWritten = new AtomicLong();
    final AtomicLong linesRetried = new AtomicLong();
    final AtomicLong linesRejected = new AtomicLong();
    final AtomicLong batchesWritten = new AtomicLong();
    volatile boolean reachable = true;
    volatile String lastError = "";

    private final ReentrantLock sleepLock = new ReentrantLock();
    private final Condition wake = sleepLock.newCondition();
    private volatile boolean stopping;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private long failingSinceNanos;
    private String lastRefusal = "";

    InfluxWriter(Spool spool, LinePoster poster, InfluxConfig config, Backoff backoff, Events events) {
        this.spool = spool;
        this.poster = poster;
        this.batchSize = config.batchSize();
        this.flushNanos = config.flushInterval().toNanos();
        this.backoff = backoff;
        this.events = events;
    }

    /** Asks the writer to drain what is spooled and stop, giving up at {@code deadline} (System.nanoTime). */
    void stop(long deadline) {
        deadlineNanos = deadline;
        stopping = true;
        spool.wakeConsumer();
        sleepLock.lock();
        try {
            wake.signalAll();
        } finally {
            sleepLock.unlock();
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                drain();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A bug or a library surprise must not end the draining: the lines are safe in
                // the spool, so say so, wait, and carry on from the committed position.
                events.notice(Severity.ALARM, "writer_error", "InfluxDB writer hit " + e
                        + "; lines stay in " + spool.directory() + ", retrying");
                lastError = String.valueOf(e.getMessage());
                spool.rewind(); // the batch in hand was not delivered: read it again
                try {
                    if (!sleep(backoff.next())) {
                        return;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drain() throws InterruptedException {
        while (true) {
            if (stopping && (spool.unread() == 0 || pastDeadline())) {
                return;
            }
            if (!stopping && spool.unread() < batchSize) {
                if (spool.unread() == 0) {
                    spool.awaitUnread(1, 1, TimeUnit.SECONDS);
                    continue;
                }
                // Give the batch up to the flush interval to fill.
                spool.awaitUnread(batchSize, flushNanos, TimeUnit.NANOSECONDS);
            }
            SpoolBatch batch = readBatch();
            if (batch == null) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            Rejects rejects = new Rejects();
            if (!deliver(batch.bytes(), 0, batch.length(), batch.lines(), rejects)) {
                return; // stopping, deadline passed: the batch stays in the spool
            }
            if (rejects.lines > 0 && !saveRejected(batch, rejects)) {
                return;
            }
            if (!commit(batch)) {
                return;
            }
            events.committed();
        }
    }

    private SpoolBatch readBatch() throws InterruptedException {
        while (true) {
            try {
                return spool.read(batchSize);
            } catch (IOException e) {
                events.notice(Severity.ALARM, "spool_error", "cannot read the spool " + spool.directory() + ": "
                        + e.getMessage());
                if (!sleep(backoff.next())) {
                    return null;
                }
            }
        }
    }

    private boolean commit(SpoolBatch batch) throws InterruptedException {
        while (true) {
            try {
                spool.commit(batch);
                return true;
            } catch (IOException e) {
                // Written but not recorded: if we stop here the batch is sent again, harmlessly.
                events.notice(Severity.ALARM, "spool_error", "cannot record progress in " + spool.directory()
                        + ": " + e.getMessage());
                if (!sleep(backoff.next())) {
                    return false;
                }
            }
        }
    }

    /**
     * Delivers lines {@code [from, to)} of {@code bytes} (whole lines), splitting on bad lines.
     * Returns false only when stopping and past the deadline.
     */
    private boolean deliver(byte[] bytes, int from, int to, int lines, Rejects rejects) throws InterruptedException {
        String text = new String(bytes, from, to - from - 1, StandardCharsets.UTF_8);
        while (true) {
            PostResult result;
            try {
                result = poster.post(text);
            } catch (RuntimeException e) {
                result = new PostResult.Unavailable(e.toString());
            }
            switch (result) {
                case PostResult.Written w -> {
                    linesWritten.addAndGet(lines);
                    batchesWritten.incrementAndGet();
                    backoff.reset();
                    if (!reachable) {
                        reachable = true;
                        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSinceNanos);
                        events.notice(Severity.INFO, "reachable", "InfluxDB at " + poster.target()
                                + " takes lines again after " + seconds + " s; sending the backlog of "
                                + spool.status().backlogLines() + " lines");
                    }
                    lastRefusal = "";
                    return true;
                }
                case PostResult.Unavailable u -> {
                    failed(u.message(), lines);
                    if (reachableChanged()) {
                        events.notice(Severity.WARNING, "unreachable", "InfluxDB at " + poster.target()
                                + " is unreachable (" + u.message() + "); keeping lines in " + spool.directory()
                                + " and retrying");
                    }
                }
                case PostResult.Refused r -> {
                    failed(r.message(), lines);
                    reachableChanged();
                    if (!r.message().equals(lastRefusal)) {
                        lastRefusal = r.message();
                        events.notice(Severity.ALARM, "refused", "InfluxDB at " + poster.target()
                                + " refuses writes (" + r.message() + "); fix the server or the settings. Lines wait in "
                                + spool.directory() + " and are retried");
                    }
                }
                case PostResult.BadLines b -> {
                    if (lines == 1) {
                        rejects.add(bytes, from, to, b.message());
                        linesRejected.incrementAndGet();
                        return true;
                    }
                    int mid = middleLine(bytes, from, to, lines / 2);
                    return deliver(bytes, from, mid, lines / 2, rejects)
                            && deliver(bytes, mid, to, lines - lines / 2, rejects);
                }
            }
            if (!sleep(backoff.next())) {
                return false;
            }
        }
    }

    private void failed(String message, int lines) {
        lastError = message;
        linesRetried.addAndGet(lines);
    }

    /** Marks the server unreachable; true when it was reachable until now. */
    private boolean reachableChanged() {
        if (reachable) {
            reachable = false;
            failingSinceNanos = System.nanoTime();
            return true;
        }
        return false;
    }

    /** Offset just after the {@code n}-th line feed from {@code from}. */
    private static int middleLine(byte[] bytes, int from, int to, int n) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' && ++seen == n) {
                return i + 1;
            }
        }
        return to;
    }

    private boolean saveRejected(SpoolBatch batch, Rejects rejects) throws InterruptedException {
        while (true) {
            try {
                byte[] data = rejects.bytes.toByteArray();
                Path file = spool.saveRejected(data, 0, data.length, batch.startOffset(),
                        "InfluxDB at " + poster.target() + " refused these lines: " + rejects.firstReason);
                events.notice(Severity.ALARM, "rejected", "InfluxDB refused " + rejects.lines + " line"
                        + (rejects.lines == 1 ? "" : "s") + " (" + rejects.firstReason + "); kept in " + file);
                return true;
            } catch (IOException e) {
                events.notice(Severity.ALARM, "spool_error", "cannot keep rejected lines in "
                        + spool.rejectedDirectory() + ": " + e.getMessage());
                if (!sleep(backoff.next())) {
                    return false;
                }
            }
        }
    }

    /** Sleeps, or returns early when asked to stop; false once stopping and past the deadline. */
    private boolean sleep(Duration delay) throws InterruptedException {
        if (stopping && pastDeadline()) {
            return false;
        }
        long nanos = delay.toNanos();
        if (stopping) {
            nanos = Math.min(nanos, deadlineNanos - System.nanoTime());
        }
        sleepLock.lock();
        try {
            boolean wasStopping = stopping;
            while (nanos > 0 && stopping == wasStopping) {
                nanos = wake.awaitNanos(nanos);
            }
        } finally {
            sleepLock.unlock();
        }
        return !(stopping && pastDeadline());
    }

    private boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** Lines refused as bad within one batch, kept together in one file with one alarm. */
    private static final class Rejects {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int lines;
        String firstReason;

        void add(byte[] data, int from, int to, String reason) {
            bytes.write(data, from, to - from);
            lines++;
            if (firstReason == null) {
                firstReason = reason;
            }
        }
    }
}
