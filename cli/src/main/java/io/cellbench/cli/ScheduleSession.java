package io.cellbench.cli;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.influx.DrainReport;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.daq.influx.InfluxSink;
import io.cellbench.daq.influx.InfluxSinkStatus;
import io.cellbench.daq.influx.SinkNotice;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a schedule on simulated instruments into a run directory, printing progress; with an
 * InfluxDB configuration, also live into InfluxDB through a spool inside the run directory.
 */
final class ScheduleSession {
    private ScheduleSession() {
    }

    /** Where a run's InfluxDB spool lives: with the run, so what is not yet sent stays with its data. */
    static final String INFLUX_SPOOL = "influx-spool";

    /**
     * @param influx where to send the run live, or null; its spool directory is replaced by
     *               {@code out/influx-spool}
     * @return each cell's outcome, in schedule order
     */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console, InfluxConfig influx)
            throws IOException, InterruptedException {
        return runSimulated(schedule, out, speed, progressMillis, console, influx, runner -> { });
    }

    /** @param onStart told the runner before it starts (the live page shows its statuses) */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console, InfluxConfig influx,
                                                      java.util.function.Consumer<ScheduleRunner> onStart)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        Map<String, String> instruments = new LinkedHashMap<>();
        for (ScheduledCell c : schedule.cells()) {
            instruments.put(c.info().id(), SimulatedInstruments.describe(c));
        }
        String runId = "run-" + start.toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        RunInfo info = new RunInfo(runId, start, VersionProvider.version(), instruments);
        double startUnix = start.getEpochSecond() + start.getNano() * 1e-9;
        CountDownLatch closed = new CountDownLatch(1);
        ScheduleRunner[] running = new ScheduleRunner[1];
        // Ctrl-C: stop every cell (each goes to open circuit and records its last sample),
        // then let the files close before the JVM exits, so nothing recorded is lost.
        Thread onInterrupt = new Thread(() -> {
            if (running[0] != null) {
                console.println("cellbench: stopping every cell and closing the files…");
                running[0].stop();
            }
            try {
                closed.await(30 + (influx == null ? 0 : influx.closeTimeout().toSeconds()), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (RunDirectorySink sink = RunDirectorySink.open(out, info)) {
            InfluxSink live = influx == null ? null : openInflux(influx.withSpoolDirectory(out.resolve(INFLUX_SPOOL)),
                    runId, sink, console);
            try {
                RunListener listener = live == null ? sink : new TeeListener(sink, live, console);
                ScheduleRunner runner = new ScheduleRunner(schedule, new SimulatedInstruments(startUnix, speed), listener);
                running[0] = runner;
                onStart.accept(runner);
                try (ProgressReporter progress = new ProgressReporter(runner, console, progressMillis)) {
                    progress.start();
                    Map<String, RunEvent.Outcome> outcomes = runner.run();
                    progress.print(runner.statuses());
                    return outcomes;
                }
            } finally {
                if (live != null) {
                    drain(live, console);
                }
            }
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch released above
            }
        }
    }

    private static InfluxSink openInflux(InfluxConfig config, String runId, RunDirectorySink record,
                                         PrintStream console) throws IOException {
        console.println("cellbench: sending the run live to InfluxDB " + config.url() + ", database "
                + config.database() + " (spool: " + config.spoolDirectory() + ")");
        return InfluxSink.builder(config).run(runId).notices(n -> notice(n, record, console)).open();
    }

    /**
     * The sink's notices (server away, backlog, rejected lines) go to the console and into
     * events.jsonl, so the run's record says when InfluxDB fell behind. The closing notice is
     * printed by {@link #drain} instead.
     */
    private static void notice(SinkNotice n, RunDirectorySink record, PrintStream console) {
        if (!n.kind().equals("closed")) {
            console.println("cellbench: " + n);
        }
        try {
            record.on(new RunEvent.Notice("", Double.NaN, n.severity(), "InfluxDB " + n.kind() + ": " + n.message()));
        } catch (RuntimeException e) {
            // The run directory is closed or failing; the console has the notice.
        }
    }

    /** Waits (up to the configured close timeout) for InfluxDB to have everything, and says how it went. */
    private static void drain(InfluxSink live, PrintStream console) {
        InfluxConfig config = live.config();
        console.println("cellbench: waiting up to " + config.closeTimeout().toSeconds()
                + " s for InfluxDB to receive the rest of the run…");
        DrainReport report = live.drainAndClose(config.closeTimeout());
        InfluxSinkStatus status = report.finalStatus();
        String where = "InfluxDB " + config.url() + ", database " + config.database() + ": ";
        console.println(where + (report.drained()
                ? String.format(Locale.ROOT, "%,d lines written%s; nothing left in the spool %s", status.linesWritten(),
                        status.linesRejected() == 0 ? "" : String.format(Locale.ROOT, ", %,d rejected (kept in %s)",
                                status.linesRejected(), status.rejectedDirectory()), report.spoolDirectory())
                : String.format(Locale.ROOT, "%,d lines written; ", status.linesWritten()) + report.message()));
    }
}
