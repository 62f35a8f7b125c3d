package io.cellbench.cli;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.cli.sim.SimulatedState;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunJournal;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Runs a schedule on simulated instruments into a run directory, printing progress. */
final class ScheduleSession {
    private ScheduleSession() {
    }

    /**
     * Runs afresh. When the schedule file lies inside {@code out} (DIR/inputs, as the run and
     * demo commands copy it), the run mode is journaled so that {@code cellbench resume} can
     * continue the run.
     *
     * @return each cell's outcome, in schedule order
     */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        String runId = "run-" + start.toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        RunInfo info = new RunInfo(runId, start, VersionProvider.version(), describe(schedule));
        double startUnix = start.getEpochSecond() + start.getNano() * 1e-9;
        Path scheduleFile = Path.of(schedule.source()).toAbsolutePath().normalize();
        Path root = out.toAbsolutePath().normalize();
        if (scheduleFile.startsWith(root)) {
            Files.createDirectories(out);
            JournalFiles.writeRunMode(out, new RunMode(root.relativize(scheduleFile).toString().replace('\\', '/'),
                    true, Double.isInfinite(speed) ? 0 : speed, startUnix));
        }
        return execute(schedule, out, info, new SimulatedInstruments(startUnix, speed), Map.of(), progressMillis,
                console);
    }

    /**
     * Continues an interrupted run: the cells in {@code schedule} (the unfinished ones) go on
     * from {@code resume}'s positions, or start when they have none.
     */
    static Map<String, RunEvent.Outcome> resumeSimulated(Schedule schedule, Path out, RunInfo info, RunMode mode,
                                                         Map<String, JournalEntry> resume, long progressMillis,
                                                         PrintStream console)
            throws IOException, InterruptedException {
        double wall = System.currentTimeMillis() / 1000.0;
        SimulatedInstruments instruments;
        if (mode.speed() > 0) {
            // One scaled clock across restarts: the downtime counts, scaled like the rest.
            double origin = mode.clockStartUnixSecond();
            instruments = new SimulatedInstruments(origin + (wall - origin) * mode.speed(), mode.speed());
        } else {
            // As fast as possible: every cell goes on where its data stopped.
            Map<String, Double> starts = new LinkedHashMap<>();
            resume.forEach((id, e) -> {
                if (e.position() != null) {
                    starts.put(id, e.position().runStartUnixSecond() + e.position().testTimeSecond());
                }
            });
            instruments = new SimulatedInstruments(mode.clockStartUnixSecond(), Double.POSITIVE_INFINITY, starts);
        }
        return execute(schedule, out, info, instruments, resume, progressMillis, console);
    }

    static Map<String, String> describe(Schedule schedule) {
        Map<String, String> instruments = new LinkedHashMap<>();
        for (ScheduledCell c : schedule.cells()) {
            instruments.put(c.info().id(), SimulatedInstruments.describe(c));
        }
        return instruments;
    }

    private static Map<String, RunEvent.Outcome> execute(Schedule schedule, Path out, RunInfo info,
                                                         SimulatedInstruments simulated,
                                                         Map<String, JournalEntry> resume, long progressMillis,
                                                         PrintStream console)
            throws IOException, InterruptedException {
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
        // The journal writes every batch, each after the position it belongs to: the sink
        // gets no time rule and a row limit the journal always reaches first.
        int journalRows = ArrowWriteOptions.DEFAULT_BATCH_ROWS;
        ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withMaxBufferedSeconds(Double.POSITIVE_INFINITY)
                .withBatchRows(4 * journalRows);
        try (BufferAllocator allocator = new RootAllocator();
             RunDirectorySink sink = RunDirectorySink.open(out, info, options, allocator)) {
            RunJournal journal = new RunJournal(out, sink::flush, new SimulatedState(), journalRows,
                    resume);
            ScheduleRunner runner = new ScheduleRunner(schedule, simulated, sink, journal);
            running[0] = runner;
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
