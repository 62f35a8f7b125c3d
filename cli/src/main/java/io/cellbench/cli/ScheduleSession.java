package io.cellbench.cli;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.core.data.RunEvent;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a schedule on simulated instruments into a run directory, printing progress. */
final class ScheduleSession {
    private ScheduleSession() {
    }

    /** @return each cell's outcome, in schedule order */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console)
            throws IOException, InterruptedException {
        return runSimulated(schedule, out, speed, progressMillis, console, runner -> { });
    }

    /** @param onStart told the runner before it starts (the live page shows its statuses) */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console,
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
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (RunDirectorySink sink = RunDirectorySink.open(out, info)) {
            ScheduleRunner runner = new ScheduleRunner(schedule, new SimulatedInstruments(startUnix, speed), sink);
            running[0] = runner;
            onStart.accept(runner);
            try (ProgressReporter progress = new ProgressReporter(runner, console, progressMillis)) {
                progress.start();
                Map<String, RunEvent.Outcome> outcomes = runner.run();
                progress.print(runner.statuses());
                return outcomes;
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
}
