package io.cellbench.schedules.session;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.time.LabClock;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.sink.SinkContext;
import io.cellbench.daq.sink.SinkFanout;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.control.RunControls;
import io.cellbench.schedules.execution.InstrumentProvider;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ProgramStates;
import io.cellbench.schedules.journal.RunJournal;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.lab.Lab;
import io.cellbench.schedules.lab.LabCheck;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.LabLoader;
import io.cellbench.schedules.lab.VirtualTime;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one way a schedule runs into a run directory: {@code cellbench run}, {@code demo} and
 * {@code resume}, on simulated instruments or a lab's (a virtual lab's too), and any program
 * that records a run. docs/architecture.md, "How a run is wired", tells the order and why.
 */
public final class RunSession {
    private RunSession() {
    }

    /** The instruments a session runs on, and how they are let go. */
    /** {@code clock}: the one clock of every cell (a lab's), null when each cell has its own (simulators). */
    private record Instruments(InstrumentProvider provider, InstrumentState state, AutoCloseable release,
                               double speed, LabClock clock) {
    }

    /**
     * Runs the schedule's cells (a resumed run's unfinished ones) to their ends, or until stopped.
     * The run directory must exist and be locked by the caller.
     *
     * @throws io.cellbench.core.UserError for a sink none provides or a setting it refuses,
     *                                     before anything is created
     *
     * @return each cell's outcome, in schedule order
     */
    public static Map<String, RunEvent.Outcome> run(SessionOptions options) throws IOException, InterruptedException {
        Path out = options.runDirectory();
        // A sink none provides, or a setting it refuses, is said before anything is created. Its
        // warnings are the caller's to say (the command line says InfluxDB's as it reads --influx).
        SinkFanout.check(options.sinks(), options.environment());
        Schedule full = ScheduleLoader.load(RunInputs.schedule(options.scheduleFile(), out));
        LabFile labFile = options.bench() instanceof Bench.OnLab l ? LabLoader.load(RunInputs.lab(l.labFile(), out))
                : null;
        NotifyConfig notify = RunInputs.notify(options.notifyFile(), out, options.environment());
        Map<String, String> described = describe(full, options.bench(), labFile);
        // run.json lists the cells as the schedule does (a resumed run's too, ended cells included)
        List<String> order = full.cells().stream().map(c -> c.info().id()).toList();
        RunInfo info;
        Schedule schedule;
        switch (options.start()) {
            case SessionStart.Fresh f -> {
                info = new RunInfo(f.runId(), f.at(), options.cellbenchVersion(), described, order);
                schedule = full;
                writeRunMode(out, full, options.bench(), labFile, f.unixSecond());
            }
            case SessionStart.Resumed r -> {
                info = new RunInfo(r.runId(), r.startTime(), options.cellbenchVersion(), described, order);
                schedule = full.withCells(full.cells().stream().filter(c -> r.cells().contains(c.info().id())).toList());
            }
        }
        Instruments instruments = instruments(schedule, options, labFile);
        return execute(schedule, info, instruments, notify, options);
    }

    /** Each cell's instruments, for the run's metadata (run.json). */
    private static Map<String, String> describe(Schedule schedule, Bench bench, LabFile lab) {
        Map<String, String> instruments = new LinkedHashMap<>();
        for (ScheduledCell c : schedule.cells()) {
            instruments.put(c.info().id(), switch (bench) {
                case Bench.Simulated s -> s.simulators().describe(c);
                case Bench.OnLab l -> Lab.describe(c, lab);
            });
        }
        return instruments;
    }

    /**
     * Journals how the run runs, so that {@code cellbench resume} can continue it: only when its
     * inputs lie in the run directory (a resumed run keeps the run mode it has).
     */
    private static void writeRunMode(Path out, Schedule schedule, Bench bench, LabFile lab, double startUnix)
            throws IOException {
        Path root = out.toAbsolutePath().normalize();
        Path scheduleFile = Path.of(schedule.source()).toAbsolutePath().normalize();
        RunMode mode = switch (bench) {
            case Bench.Simulated s -> scheduleFile.startsWith(root) ? new RunMode(relative(root, scheduleFile), true,
                    Double.isInfinite(s.speed()) ? 0 : s.speed(), startUnix) : null;
            case Bench.OnLab l -> {
                Path labPath = Path.of(lab.source()).toAbsolutePath().normalize();
                yield scheduleFile.startsWith(root) && labPath.startsWith(root) ? new RunMode(
                        relative(root, scheduleFile), false, 1, startUnix, relative(root, labPath)) : null;
            }
        };
        if (mode != null) {
            Files.createDirectories(out);
            JournalFiles.writeRunMode(out, mode);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static Instruments instruments(Schedule schedule, SessionOptions options, LabFile labFile) {
        PrintStream console = options.console();
        return switch (options.bench()) {
            case Bench.Simulated s -> {
                SimulatorFactory sim = s.simulators();
                yield new Instruments(switch (options.start()) {
                    case SessionStart.Fresh f -> sim.open(f.unixSecond(), s.speed(), Map.of());
                    case SessionStart.Resumed r -> resumed(sim, s.speed(), r);
                }, sim.state(), null, s.speed(), null);
            }
            case Bench.OnLab l -> {
                LabCheck.check(schedule, labFile);
                // Real instruments live in real time; a virtual lab in scaled time says so, and its
                // simulators' clock is the run's (the same scale, from the lab file, in every process).
                LabClock clock = VirtualTime.clock(labFile.virtualTime());
                Lab lab = new Lab(labFile, clock,
                        w -> console.println("cellbench: warning: " + w),
                        "run " + options.runDirectory().toAbsolutePath().normalize());
                console.println("cellbench: lab '" + labFile.name() + "' (" + labFile.source() + "): "
                        + labFile.instruments().size() + " instruments, each connected when a cell first needs it"
                        + (labFile.virtualTime() == null ? "" : "; a virtual lab in scaled time, "
                        + speedText(labFile.virtualTime().speed()) + " lab seconds per second"));
                yield new Instruments(lab, ProgramStates.LAB, lab, VirtualTime.speed(labFile.virtualTime()), clock);
            }
        };
    }

    private static String speedText(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }

    /** The simulated clocks of a run going on after an interruption. */
    private static InstrumentProvider resumed(SimulatorFactory sim, double speed, SessionStart.Resumed r) {
        double wall = System.currentTimeMillis() / 1000.0;
        if (Double.isFinite(speed)) {
            // One scaled clock across restarts: the downtime counts, scaled like the rest.
            double origin = r.clockStartUnixSecond();
            return sim.open(origin + (wall - origin) * speed, speed, Map.of());
        }
        // As fast as possible: every cell goes on where its data stopped.
        Map<String, Double> starts = new LinkedHashMap<>();
        r.positions().forEach((id, e) -> {
            if (e.position() != null) {
                starts.put(id, e.position().runStartUnixSecond() + e.position().testTimeSecond());
            }
        });
        return sim.open(r.clockStartUnixSecond(), Double.POSITIVE_INFINITY, starts);
    }

    private static Map<String, RunEvent.Outcome> execute(Schedule schedule, RunInfo info, Instruments instruments,
                                                         NotifyConfig notify, SessionOptions options)
            throws IOException, InterruptedException {
        Path out = options.runDirectory();
        PrintStream console = options.console();
        double speed = instruments.speed();
        Map<String, JournalEntry> resume = options.start() instanceof SessionStart.Resumed r ? r.positions() : Map.of();
        try (OpenRun open = new OpenRun(out, console, instruments.release())) {
            Files.createDirectories(out);
            // Before the files: a second process on this directory is refused here (control socket).
            RunControls controls = open.controls(RunControls.open(out, notify, speed, console));
            // The journal writes every batch, each after the position it belongs to: the sink
            // gets no time rule and a row limit the journal always reaches first.
            int journalRows = ArrowWriteOptions.DEFAULT_BATCH_ROWS;
            ArrowWriteOptions arrow = ArrowWriteOptions.DEFAULTS.withMaxBufferedSeconds(Double.POSITIVE_INFINITY)
                    .withBatchRows(4 * journalRows);
            BufferAllocator allocator = open.allocator = new RootAllocator();
            RunDirectorySink record = open.record = RunDirectorySink.open(out, info, arrow, allocator);
            if (instruments.clock() != null) {
                record.datedBy(instruments.clock()); // a virtual lab's events in its scaled time
            }
            record.repairs().forEach(r -> console.println("cellbench: repaired " + r));
            for (RunEvent.Notice n : options.extras().notes()) {
                record.on(n);
            }
            if (options.start() instanceof SessionStart.Resumed) {
                // the run's cells this resume leaves alone: a finished one's end may be in its journal only
                List<String> running = schedule.cells().stream().map(c -> c.info().id()).toList();
                FinishedEnds.record(record, out, info.cells().stream().filter(id -> !running.contains(id)).toList())
                        .forEach(console::println);
            }
            RunJournal journal = new RunJournal(out, record::flush, instruments.state(), journalRows, resume);
            SinkFanout sinks = open.sinks = SinkFanout.open(record, options.sinks(), new SinkContext(out, info,
                    options.environment(), console::println, record::on));
            controls.sinks(sinks.statuses());
            SessionExtras extras = options.extras();
            controls.filedCells(extras.filedCells());
            RunListener recorded = controls.listener(new RecordingAlarms(sinks, console, out), record, info,
                    beside(options.attachments()));
            // the fits see each sweep after it is recorded, on their own thread; the command line's
            // circuit (run --fit, the demo's, a resume's) wins over the one the schedule or its protocols name
            String circuit = extras.fitCircuit() != null ? extras.fitCircuit() : schedule.fitCircuit();
            SessionFits fits = open.fits = SessionFits.open(circuit, out, arrow, allocator, recorded, sinks);
            RunListener listener = fits.listener(recorded);
            ScheduleRunner runner = open.runner = new ScheduleRunner(schedule, instruments.provider(), listener, journal)
                    .faultRetry(options.faultRetry());
            controls.attach(runner);
            RunAttachment.Session attached = new RunAttachment.Session(runner, listener, speed, out);
            options.attachments().forEach(a -> a.attach(attached));
            try (runner; Detaching detaching = new Detaching(options.attachments());
                 DiskSpaceWatch disk = new DiskSpaceWatch(extras.freeSpace(), extras.minFreeBytes(), out, runner,
                         listener, console::println)) {
                if (extras.minFreeBytes() > 0) {
                    disk.start(extras.diskCheckEvery());
                }
                Map<String, RunEvent.Outcome> outcomes = runner.run();
                OutputsOff.await(runner, out, console);
                options.attachments().forEach(a -> a.ended(runner));
                return outcomes;
            }
        }
    }

    /** The attachments' listeners, each isolated: they are a side line, the record is what counts. */
    private static RunListener beside(List<RunAttachment> attachments) {
        List<RunListener> listeners = new ArrayList<>();
        attachments.stream().map(RunAttachment::listener).filter(l -> l != null).forEach(listeners::add);
        return event -> {
            for (RunListener l : listeners) {
                try {
                    l.on(event);
                } catch (RuntimeException e) {
                    // one attachment's trouble is not another's
                }
            }
        };
    }

    /** Detaches every attachment when the run is over, whatever happened. */
    private record Detaching(List<RunAttachment> attachments) implements AutoCloseable {
        @Override
        public void close() {
            attachments.forEach(RunAttachment::detach);
        }
    }
}
