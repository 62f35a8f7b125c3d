package io.cellbench.daq.influx;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.impedance.FitPoints;
import io.cellbench.daq.impedance.SweepFits;
import io.cellbench.daq.sink.RunSink;
import io.cellbench.daq.sink.SinkContext;
import io.cellbench.daq.sink.SinkStatus;
import io.cellbench.impedance.circuit.Circuit;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@link InfluxSink}, as its session sees it: what it says on the console when it
 * opens, notices (server away, backlog, rejected lines) on the console and in events.jsonl,
 * so that the run's record says when InfluxDB fell behind, and at the end how long it waits
 * for InfluxDB to have everything and how that went.
 */
public final class InfluxRunSink implements RunSink {
    private final InfluxSink sink;
    private final SinkContext context;

    private InfluxRunSink(InfluxSink sink, SinkContext context) {
        this.sink = sink;
        this.context = context;
    }

    static InfluxRunSink open(InfluxConfig config, SinkContext context) throws IOException {
        context.console().accept("cellbench: sending the run live to InfluxDB " + config.url() + ", database "
                + config.database() + " (spool: " + config.spoolDirectory() + ")");
        InfluxSink sink = InfluxSink.builder(config).run(context.run().runId()).notices(n -> notice(n, context)).open();
        return new InfluxRunSink(sink, context);
    }

    /** The closing notice is said by {@link #close} instead. */
    private static void notice(SinkNotice n, SinkContext context) {
        if (!n.kind().equals("closed")) {
            context.console().accept("cellbench: " + n);
        }
        try {
            context.record().accept(new RunEvent.Notice("", Double.NaN, n.severity(),
                    "InfluxDB " + n.kind() + ": " + n.message()));
        } catch (RuntimeException e) {
            // The run directory is closed or failing; the console has the notice.
        }
    }

    @Override
    public void on(RunEvent event) {
        sink.on(event);
    }

    @Override
    public Duration closePatience() {
        return sink.config().closeTimeout();
    }

    @Override
    public Optional<SinkStatus> status() {
        InfluxConfig config = sink.config();
        return Optional.of(new SinkStatus("influx", Map.of("url", config.url().toString()), () -> {
            InfluxSinkStatus s = sink.status();
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("url", config.url().toString());
            n.put("database", config.database());
            n.put("reachable", s.serverReachable());
            n.put("backlog_lines", s.backlogLines());
            n.put("backlog_bytes", s.backlogBytes());
            n.put("lines_written", s.linesWritten());
            n.put("lines_rejected", s.linesRejected());
            n.put("last_error", s.lastError() == null || s.lastError().isEmpty() ? null : s.lastError());
            n.put("spool", s.spoolDirectory() == null ? null : s.spoolDirectory().toString());
            return n;
        }));
    }

    /** The fits in InfluxDB's impedance_fits and impedance_drt_peaks, with the cells' tags. */
    @Override
    public Optional<SweepFits.Output> fits(Circuit circuit) {
        return Optional.of(new FitPoints(sink, circuit));
    }

    /** Waits (up to the configured close timeout) for InfluxDB to have everything, and says how it went. */
    @Override
    public void close() {
        drain(sink, context.console());
    }

    /**
     * Waits (up to the configured close timeout) for InfluxDB to have everything, says how it
     * went on {@code console}, and whether it did (an import's upload, a live run's end).
     */
    public static boolean drain(InfluxSink sink, java.util.function.Consumer<String> console) {
        InfluxConfig config = sink.config();
        console.accept("cellbench: waiting up to " + config.closeTimeout().toSeconds()
                + " s for InfluxDB to receive the rest of the run…");
        DrainReport report = sink.drainAndClose(config.closeTimeout());
        InfluxSinkStatus status = report.finalStatus();
        String where = "InfluxDB " + config.url() + ", database " + config.database() + ": ";
        console.accept(where + (report.drained()
                ? String.format(Locale.ROOT, "%,d lines written%s; nothing left in the spool %s", status.linesWritten(),
                        status.linesRejected() == 0 ? "" : String.format(Locale.ROOT, ", %,d rejected (kept in %s)",
                                status.linesRejected(), status.rejectedDirectory()), report.spoolDirectory())
                : String.format(Locale.ROOT, "%,d lines written; ", status.linesWritten()) + report.message()));
        return report.drained();
    }
}
