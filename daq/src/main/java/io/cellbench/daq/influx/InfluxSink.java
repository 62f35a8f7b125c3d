package io.cellbench.daq.influx;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.time.Backoff;
import io.cellbench.daq.spool.Spool;
import io.cellbench.daq.spool.SpoolStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Sends a run's events to InfluxDB without losing any: each event's points are appended to
 * a local spool before {@link #on} returns, and a writer thread drains the spool to the
 * server in batches, retrying for as long as the server is away. Schema and guarantees:
 * docs/influxdb.md.
 *
 * <pre>{@code
 * InfluxConfig config = InfluxConfigLoader.load().config();
 * try (InfluxSink sink = InfluxSink.builder(config).run("2024-05-01-nmc").cell("A1", "3", "arbin-1").open()) {
 *     runner.addListener(sink);
 *     ...
 * } // close() waits up to close-timeout for the spool to drain
 * }</pre>
 *
 * <p>Notices (server away, backlog alarms, rejected lines) go to the notice listener (by
 * default the console) and, as points of the {@code events} measurement, to InfluxDB itself.
 */
public final class InfluxSink implements RunListener, AutoCloseable {

    private final InfluxConfig config;
    private final String run;
    private final Spool spool;
    private final LinePoster poster;
    private final InfluxWriter writer;
    private final Thread writerThread;
    private final Consumer<SinkNotice> notices;

    private final ReentrantLock lock = new ReentrantLock();
    private final PointEncoder encoder;
    private final LineProtocol lp = new LineProtocol(new StringBuilder(4096));
    private byte[] bytes = new byte[4096];

    private final ReentrantLock alarmLock = new ReentrantLock();
    private volatile long nextBacklogAlarm;
    private volatile boolean backlogAlarmed;

    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;
    private volatile DrainReport report;

    InfluxSink(InfluxSinkBuilder b, Spool spool, LinePoster poster) {
        this.config = b.config;
        this.run = b.run;
        this.spool = spool;
        this.poster = poster;
        this.notices = b.notices;
        this.encoder = new PointEncoder(b.tagsFunction());
        this.nextBacklogAlarm = config.backlogAlarmLines();
        Backoff backoff = new Backoff(config.retryInitial(), config.retryMax(), b.random);
        this.writer = new InfluxWriter(spool, poster, config, backoff, new InfluxWriter.Events() {
            @Override
            public void notice(Severity severity, String kind, String message) {
                InfluxSink.this.notice(severity, kind, message);
            }

            @Override
            public void committed() {
                checkBacklog();
            }
        });
        for (String repair : spool.recovery().repairs()) {
            notice(Severity.WARNING, "spool_repaired", spool.directory() + ": " + repair);
        }
        if (spool.recovery().backlogLines() > 0) {
            notice(Severity.INFO, "recovered", "found " + spool.recovery().backlogLines()
                    + " lines not yet in InfluxDB in " + spool.directory() + "; sending them first");
        }
        this.writerThread = Thread.ofPlatform().daemon().name("cellbench-influx-writer").start(writer);
    }

    /** Opens a sink for one run; cells are tagged with their id only. */
    public static InfluxSink open(InfluxConfig config, String run) throws IOException {
        return builder(config).run(run).open();
    }

    public static InfluxSinkBuilder builder(InfluxConfig config) {
        return new InfluxSinkBuilder(config);
    }

    /**
     * Spools the event's points. Returns once they are in the spool (written to the operating
     * system; forced to disk per the fsync policy).
     *
     * @throws UncheckedIOException when the spool cannot be written (disk full): the points
     *                              are not stored, and an alarm is raised
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void on(RunEvent event) {
        Objects.requireNonNull(event, "event");
        spoolEncoded(l -> encoder.encode(event, l));
    }

    /**
     * Before a cell's samples: the names of the extra fields its sample points carry, an imported
     * file's aux channels (temperatures, aux voltages ...) named as in its samples.arrows.
     */
    public void auxFields(String cellId, java.util.List<String> names) {
        lock.lock();
        try {
            encoder.auxFields(cellId, names);
        } finally {
            lock.unlock();
        }
    }

    /** A sample, as {@link #on} spools it, with the values of the cell's {@link #auxFields} as fields of the same point (NaN: none). */
    public void sample(RunEvent.SampleRecorded sample, double[] aux) {
        Objects.requireNonNull(sample, "sample");
        spoolEncoded(l -> encoder.encodeSample(sample, aux, l));
    }

    private void spoolEncoded(java.util.function.ToIntFunction<LineProtocol> encode) {
        byte[] data;
        int lines;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("InfluxDB sink is closed");
            }
            lp.clear();
            lines = encode.applyAsInt(lp);
            if (lines == 0) {
                return;
            }
            int length = encodeUtf8(lp.buffer()); // may replace bytes: read it after
            data = Arrays.copyOf(bytes, length);
        } finally {
            lock.unlock();
        }
        // Spooled outside the encoder's lock: every cell's samples come here, and one cell's
        // append waiting for the disk (fsync always) must not hold up another's encoding.
        spool(data, data.length, lines);
        checkBacklog();
    }

    /**
     * Spools a cycle summary computed elsewhere (the sink writes its own from the samples;
     * a later summary of the same cell and start time overwrites that point).
     */
    public void writeCycle(String cellId, CycleSummary summary, double startUnixTimeSecond) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("InfluxDB sink is closed");
            }
            lp.clear();
            append(encoder.encodeCycle(cellId, summary, startUnixTimeSecond, lp));
        } finally {
            lock.unlock();
        }
        checkBacklog();
    }

    /**
     * Spools points made elsewhere for a cell (the impedance fits of issue 16, in their own
     * measurements): {@code encode} appends them with the cell's encoded series tags and returns
     * how many lines it wrote.
     */
    public void writePoints(String cellId, java.util.function.ToIntBiFunction<String, LineProtocol> encode) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("InfluxDB sink is closed");
            }
            lp.clear();
            append(encode.applyAsInt(encoder.encodedTags(cellId), lp));
        } finally {
            lock.unlock();
        }
        checkBacklog();
    }

    public InfluxSinkStatus status() {
        SpoolStatus s = spool.status();
        return new InfluxSinkStatus(s.appendedLines(), s.recoveredLines(), writer.linesWritten.get(),
                writer.linesRetried.get(), writer.linesRejected.get(), s.backlogLines(), s.backlogBytes(),
                writer.batchesWritten.get(), writer.reachable, writer.lastError, s.directory(),
                spool.rejectedDirectory());
    }

    public InfluxConfig config() {
        return config;
    }

    /** Closes with the configured close timeout; the report goes to the notice listener. */
    @Override
    public void close() {
        drainAndClose(config.closeTimeout());
    }

    /**
     * Stops taking events, waits up to {@code timeout} for the spool to drain, and releases
     * everything. What is left stays in the spool for the next sink on the same directory.
     * Calling it again returns the first report.
     */
    public DrainReport drainAndClose(Duration timeout) {
        if (!closing.compareAndSet(false, true)) {
            return awaitReport();
        }
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        writer.stop(deadline);
        try {
            joinUntil(deadline);
            if (writerThread.isAlive()) {
                poster.cancel(); // a POST outlived the deadline
                writerThread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        InfluxSinkStatus status = status();
        DrainReport r = new DrainReport(status.backlogLines() == 0, status.backlogLines(), status.backlogBytes(),
                Duration.ofNanos(System.nanoTime() - start), spool.directory(), status);
        poster.close();
        try {
            spool.close();
        } catch (IOException e) {
            deliverNotice(new SinkNotice(Instant.now(), Severity.ALARM, "spool_error",
                    "closing the spool " + spool.directory() + " failed: " + e.getMessage()));
        }
        deliverNotice(new SinkNotice(Instant.now(), r.drained() ? Severity.INFO : Severity.WARNING, "closed",
                r.message()));
        report = r;
        return r;
    }

    private DrainReport awaitReport() {
        while (report == null) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return report;
    }

    private void joinUntil(long deadline) throws InterruptedException {
        long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (millis > 0) {
            writerThread.join(millis);
        }
        // One more moment for a writer that has just been told its deadline passed.
        writerThread.join(100);
    }

    // ---- internals ----

    /** Appends the encoded buffer (under {@link #lock}). */
    private void append(int lines) {
        if (lines == 0) {
            return;
        }
        spool(bytes, encodeUtf8(lp.buffer()), lines);
    }

    private void spool(byte[] data, int length, int lines) {
        try {
            spool.append(data, length, lines);
        } catch (IOException e) {
            String message = "cannot spool InfluxDB points to " + spool.directory() + ": " + e.getMessage();
            deliverNotice(new SinkNotice(Instant.now(), Severity.ALARM, "spool_error", message));
            throw new UncheckedIOException(message, e);
        }
    }

    /** UTF-8 of {@code text} into {@link #bytes}; the usual all-ASCII text without a detour through String. */
    private int encodeUtf8(StringBuilder text) {
        int n = text.length();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
                if (bytes.length < utf8.length) {
                    bytes = new byte[utf8.length];
                }
                System.arraycopy(utf8, 0, bytes, 0, utf8.length);
                return utf8.length;
            }
            bytes[i] = (byte) c;
        }
        return n;
    }

    private void checkBacklog() {
        long backlog = spool.backlogLines();
        if (backlog < nextBacklogAlarm && !(backlogAlarmed && backlog <= config.batchSize())) {
            return;
        }
        alarmLock.lock();
        try {
            backlog = spool.backlogLines();
            if (backlog >= nextBacklogAlarm) {
                long crossed = nextBacklogAlarm;
                while (backlog >= nextBacklogAlarm) {
                    crossed = nextBacklogAlarm;
                    nextBacklogAlarm = Math.multiplyExact(nextBacklogAlarm, 10);
                }
                boolean first = !backlogAlarmed;
                backlogAlarmed = true;
                String why = writer.lastError.isEmpty() ? "the server is slower than the data"
                        : "last error: " + writer.lastError;
                notice(first ? Severity.WARNING : Severity.ALARM, "backlog", String.format(
                        "%,d lines wait for InfluxDB in %s (over %,d; %s). Nothing is lost while the disk has room",
                        backlog, spool.directory(), crossed, why));
            } else if (backlogAlarmed && backlog <= config.batchSize()) {
                backlogAlarmed = false;
                nextBacklogAlarm = config.backlogAlarmLines();
                notice(Severity.INFO, "backlog_drained", "InfluxDB has caught up; backlog is " + backlog + " lines");
            }
        } finally {
            alarmLock.unlock();
        }
    }

    /** Tells the listener and records the notice as an {@code events} point. */
    private void notice(Severity severity, String kind, String message) {
        SinkNotice n = new SinkNotice(Instant.now(), severity, kind, message);
        deliverNotice(n);
        lock.lock();
        try {
            if (closed && !writerThread.isAlive()) {
                return;
            }
            LineProtocol noticeLine = new LineProtocol();
            int lines = encoder.encodeSinkEvent(run, severity, kind, message,
                    n.time().toEpochMilli() / 1000.0, noticeLine);
            byte[] data = noticeLine.toString().getBytes(StandardCharsets.UTF_8);
            spool.append(data, data.length, lines);
        } catch (IOException e) {
            // The listener has it; the spool is what failed.
        } finally {
            lock.unlock();
        }
    }

    private void deliverNotice(SinkNotice n) {
        try {
            notices.accept(n);
        } catch (RuntimeException e) {
            // A faulty listener must not stop the data.
        }
    }
}
