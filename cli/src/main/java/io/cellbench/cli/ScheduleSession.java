package io.cellbench.cli;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.cli.sim.SimulatedState;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.influx.DrainReport;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.daq.influx.InfluxSink;
import io.cellbench.daq.influx.InfluxSinkStatus;
import io.cellbench.daq.influx.SinkNotice;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.cli.control.RunControls;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.execution.InstrumentProvider;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.lab.Lab;
import io.cellbench.schedules.lab.LabCheck;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.VirtualTime;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Runs a schedule on simulated instruments or a lab's into a run directory, printing progress. */
final class ScheduleSession {
    private ScheduleSession() {
    }

    /**
     * Closes the run directory's files at the end; a failure then (the end markers on a full
     * disk) is said on the console, not thrown over the run's summary: what was written stays.
     */
    private record Recording(RunDirectorySink sink, PrintStream console) implements AutoCloseable {
        @Override
        public void close() {
            try {
                sink.close();
            } catch (io.cellbench.daq.run.RecordingFailure e) {
                console.println("cellbench: ALARM: " + e.getMessage() + "; everything written before is intact");
            }
        }
    }

    /** Where a run's InfluxDB spool lives: with the run, so what is not yet sent stays with its data. */
    static final String INFLUX_SPOOL = "influx-spool";


    /**
     * Runs afresh. When the schedule file lies inside {@code out} (DIR/inputs, as the run and
     * demo commands copy it), the run mode is journaled so that {@code cellbench resume} can
     * continue the run.
     *
     * @return each cell's outcome, in schedule order
     */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console, InfluxConfig influx)
            throws IOException, InterruptedException {
        return runSimulated(schedule, out, speed, progressMillis, console, influx, runner -> { }, null,
                SessionExtras.watching(out, 0));
    }

    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console,
                                                      InfluxConfig influx, java.util.function.Consumer<ScheduleRunner> onStart,
                                                      NotifyConfig notify, SessionExtras extras)
            throws IOException, InterruptedException {
        return runSimulated(schedule, out, speed, progressMillis, console, influx, onStart, notify, extras,
                RunStart.now());
    }

    /** Runs afresh from {@code start} (a test fixes it to compare a run's files across builds). */
    static Map<String, RunEvent.Outcome> runSimulated(Schedule schedule, Path out, double speed,
                                                      long progressMillis, PrintStream console,
                                                      InfluxConfig influx, java.util.function.Consumer<ScheduleRunner> onStart,
                                                      NotifyConfig notify, SessionExtras extras, RunStart start)
            throws IOException, InterruptedException {
        RunInfo info = new RunInfo(start.runId(), start.at(), VersionProvider.version(), describe(schedule));
        double startUnix = start.unixSecond();
        Path scheduleFile = Path.of(schedule.source()).toAbsolutePath().normalize();
        Path root = out.toAbsolutePath().normalize();
        if (scheduleFile.startsWith(root)) {
            Files.createDirectories(out);
            JournalFiles.writeRunMode(out, new RunMode(root.relativize(scheduleFile).toString().replace('\\', '/'),
                    true, Double.isInfinite(speed) ? 0 : speed, startUnix));
        }
        return execute(schedule, out, info, new SimulatedInstruments(startUnix, speed), new SimulatedState(), null,
                Map.of(), progressMillis, console, influx, onStart, speed, notify, extras);
    }

    /**
     * Runs afresh on the instruments of a lab file, in real time (a virtual lab in scaled time:
     * in its time). {@code labFile} must lie in {@code out} (DIR/inputs/lab, as the run command
     * copies it) for the run to be resumable.
     */
    static Map<String, RunEvent.Outcome> runOnLab(Schedule schedule, LabFile lab, Path out, long progressMillis,
                                                  PrintStream console, InfluxConfig influx,
                                                  java.util.function.Consumer<ScheduleRunner> onStart,
                                                  NotifyConfig notify, SessionExtras extras)
            throws IOException, InterruptedException {
        RunStart start = RunStart.now();
        RunInfo info = new RunInfo(start.runId(), start.at(), VersionProvider.version(), describe(schedule, lab));
        Path root = out.toAbsolutePath().normalize();
        Path scheduleFile = Path.of(schedule.source()).toAbsolutePath().normalize();
        Path labFile = Path.of(lab.source()).toAbsolutePath().normalize();
        if (scheduleFile.startsWith(root) && labFile.startsWith(root)) {
            Files.createDirectories(out);
            JournalFiles.writeRunMode(out, new RunMode(relative(root, scheduleFile), false, 1,
                    start.unixSecond(), relative(root, labFile)));
        }
        return runLab(schedule, lab, out, info, Map.of(), progressMillis, console, influx, onStart, notify, extras);
    }

    /** Continues an interrupted run on the lab's instruments (see {@link #resumeSimulated}). */
    static Map<String, RunEvent.Outcome> resumeOnLab(Schedule schedule, LabFile lab, Path out, RunInfo info,
                                                     Map<String, JournalEntry> resume, long progressMillis,
                                                     PrintStream console, InfluxConfig influx,
                                                     java.util.function.Consumer<ScheduleRunner> onStart,
                                                     NotifyConfig notify, SessionExtras extras)
            throws IOException, InterruptedException {
        return runLab(schedule, lab, out, info, resume, progressMillis, console, influx, onStart, notify, extras);
    }

    private static Map<String, RunEvent.Outcome> runLab(Schedule schedule, LabFile file, Path out, RunInfo info,
                                                        Map<String, JournalEntry> resume, long progressMillis,
                                                        PrintStream console, InfluxConfig influx,
                                                        java.util.function.Consumer<ScheduleRunner> onStart,
                                                        NotifyConfig notify, SessionExtras extras)
            throws IOException, InterruptedException {
        LabCheck.check(schedule, file);
        // Real instruments live in real time; a virtual lab in scaled time says so, and its
        // simulators' clock is the run's (the same scale, from the lab file, in every process).
        Lab lab = new Lab(file, VirtualTime.clock(file.virtualTime()), w -> console.println("cellbench: warning: " + w),
                "run " + out.toAbsolutePath().normalize());
        console.println("cellbench: lab '" + file.name() + "' (" + file.source() + "): " + file.instruments().size()
                + " instruments, each connected when a cell first needs it" + (file.virtualTime() == null ? ""
                : "; a virtual lab in scaled time, " + speedText(file.virtualTime().speed()) + " lab seconds per second"));
        return execute(schedule, out, info, lab, InstrumentState.NONE, lab, resume, progressMillis, console, influx,
                onStart, VirtualTime.speed(file.virtualTime()), notify, extras);
    }

    private static String speedText(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Continues an interrupted run: the cells in {@code schedule} (the unfinished ones) go on
     * from {@code resume}'s positions, or start when they have none.
     */
    static Map<String, RunEvent.Outcome> resumeSimulated(Schedule schedule, Path out, RunInfo info, RunMode mode,
                                                         Map<String, JournalEntry> resume, long progressMillis,
                                                         PrintStream console, InfluxConfig influx,
                                                         java.util.function.Consumer<ScheduleRunner> onStart,
                                                         NotifyConfig notify, SessionExtras extras)
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
        return execute(schedule, out, info, instruments, new SimulatedState(), null, resume, progressMillis, console,
                influx, onStart, mode.speed() > 0 ? mode.speed() : Double.POSITIVE_INFINITY, notify, extras);
    }

    static Map<String, String> describe(Schedule schedule) {
        Map<String, String> instruments = new LinkedHashMap<>();
        for (ScheduledCell c : schedule.cells()) {
            instruments.put(c.info().id(), SimulatedInstruments.describe(c));
        }
        return instruments;
    }

    /** Describes a lab run's instruments for the run's metadata. */
    static Map<String, String> describe(Schedule schedule, LabFile lab) {
        Map<String, String> instruments = new LinkedHashMap<>();
        for (ScheduledCell c : schedule.cells()) {
            instruments.put(c.info().id(), Lab.describe(c, lab));
        }
        return instruments;
    }

    /**
     * @param release closed after the run and before a Ctrl-C lets the JVM exit (the lab's
     *                connections); {@code null} for none
     */
    private static Map<String, RunEvent.Outcome> execute(Schedule schedule, Path out, RunInfo info,
                                                         InstrumentProvider instruments, InstrumentState state,
                                                         AutoCloseable release, Map<String, JournalEntry> resume, long progressMillis,
                                                         PrintStream console, InfluxConfig influx,
                                                         java.util.function.Consumer<ScheduleRunner> onStart,
                                                         double speed, NotifyConfig notify, SessionExtras extras)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        // Before the files: a second process on this directory is refused here (control socket).
        RunControls controls = RunControls.open(out, notify, speed, console);
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
                if (closed.await(30 + (influx == null ? 0 : influx.closeTimeout().toSeconds()), TimeUnit.SECONDS)
                        && running[0] != null) {
                    console.println("cellbench: stopped; every cell is at open circuit and its data are on disk."
                            + " Continue the run with: cellbench resume " + out);
                }
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
             Recording recording = new Recording(RunDirectorySink.open(out, info, options, allocator), console)) {
            RunDirectorySink sink = recording.sink();
            sink.repairs().forEach(r -> console.println("cellbench: repaired " + r));
            for (RunEvent.Notice n : extras.notes()) {
                sink.on(n);
            }
            RunJournal journal = new RunJournal(out, sink::flush, state, journalRows, resume);
            InfluxSink live = influx == null ? null : openInflux(influx.withSpoolDirectory(out.resolve(INFLUX_SPOOL)),
                    info.runId(), sink, console);
            try {
                AlarmLines alarmLines = new AlarmLines();
                if (live != null) {
                    controls.influx(live.config().url().toString(), live.config().database(), live::status);
                }
                RunListener recorded = controls.listener(new RecordingAlarms(live == null ? sink
                        : new TeeListener(sink, live, console), console, out), sink, info, alarmLines);
                SessionFits fits = SessionFits.open(extras.fitCircuit(), out, options, allocator, recorded, live);
                RunListener listener = fits.listener(recorded);
                RunConsole.recordHangupWith(text -> listener.on(new RunEvent.Notice("", Double.NaN,
                        RunEvent.Severity.WARNING, text)));
                ScheduleRunner runner = new ScheduleRunner(schedule, instruments, listener, journal);
                running[0] = runner;
                controls.attach(runner);
                onStart.accept(runner);
                RunConsole.answering();
                try (fits; runner; ProgressReporter progress = new ProgressReporter(runner, console, progressMillis)
                        .speed(speed).alarms(alarmLines);
                     DiskSpaceWatch disk = new DiskSpaceWatch(extras.freeSpace(), extras.minFreeBytes(), out, runner,
                             listener, console::println)) {
                    if (extras.minFreeBytes() > 0) {
                        disk.start(extras.diskCheckEvery());
                    }
                    progress.start();
                    Map<String, RunEvent.Outcome> outcomes = runner.run();
                    awaitOutputsOff(runner, out, console);
                    progress.print(runner.statuses());
                    return outcomes;
                }
            } finally {
                RunConsole.recordHangupWith(null);
                controls.close(); // while events.jsonl is open: the last alarms' fate is recorded
                if (live != null) {
                    drain(live, console);
                }
            }
        } finally {
            controls.close();
            if (release != null) {
                try {
                    release.close();
                } catch (Exception e) {
                    console.println("cellbench: warning: closing the instruments failed: " + e.getMessage());
                }
            }
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch released above
            }
        }
    }

    /**
     * SAFETY: a cell that ended with its channel's output not confirmed off keeps the process
     * running: cellbench keeps switching the output off until the instrument confirms, or the
     * operator stops it (then an ALARM says to switch it off at the instrument).
     */
    private static void awaitOutputsOff(ScheduleRunner runner, Path out, PrintStream console)
            throws InterruptedException {
        java.util.List<String> unconfirmed = runner.outputsUnconfirmed();
        if (unconfirmed.isEmpty()) {
            return;
        }
        boolean one = unconfirmed.size() == 1;
        console.println("cellbench: every cell has ended, but the channel output" + (one ? " of cell " : "s of cells ")
                + String.join(", ", unconfirmed) + (one ? " is" : " are") + " not confirmed off: cellbench keeps"
                + " switching " + (one ? "it" : "them") + " off until the instrument confirms ('cellbench status " + out
                + "' shows it). To give up and switch " + (one ? "it" : "them") + " off at the instrument: 'cellbench stop "
                + out + "' or Ctrl-C");
        while (!runner.awaitOutputsOff(1000)) {
            // the retries end on their own (confirmed) or on a stop, which gives them up
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

    /** Waits (up to the configured close timeout) for InfluxDB to have everything, says how it went, and whether it did. */
    static boolean drain(InfluxSink live, PrintStream console) {
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
        return report.drained();
    }
}
