package io.cellbench.schedules.control;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.sink.SinkStatus;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.alarm.RunAlarms;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of a running process that an operator reaches from outside: the control
 * socket (status, pause, continue, stop) and the alarms (events, watchdog, notifiers). One
 * per run, resume or demo, opened before the run directory's files so that a second process
 * on the same directory is refused before it touches anything.
 *
 * <p>Order of use: {@link #open}, {@link #listener}, {@link #attach}, {@link #close}.
 */
public final class RunControls implements AutoCloseable {
    private final Path runDirectory;
    private final NotifyConfig notify;
    private final double speed;
    private final PrintStream console;
    private final CellWatch watch = new CellWatch();
    private final ControlServer server;
    private volatile ControlHandler handler;
    private RunAlarms alarms;
    private RunListener record;
    private Map<String, String> run;
    private boolean closed;
    private List<SinkStatus> sinks = List.of();
    private FiledCells filedCells;

    private RunControls(Path runDirectory, NotifyConfig notify, double speed, PrintStream console) throws IOException {
        this.runDirectory = runDirectory;
        this.notify = notify == null ? NotifyConfig.NONE : notify;
        this.speed = speed;
        this.console = console;
        this.handler = r -> ControlJson.error("the run is starting; try again in a moment");
        this.server = ControlServer.start(runDirectory, r -> handler.handle(r));
        if (server.replacedStale()) {
            console.println("cellbench: replaced the control socket a process that ended without closing it "
                    + "(killed, crashed) left in " + runDirectory);
        }
    }

    /**
     * Opens the control socket of {@code runDirectory}.
     *
     * @param notify the notify file's settings, or null for none (alarms are then only recorded)
     * @param speed  simulated seconds per wall second; 1 for real instruments, infinite for as fast as possible
     * @throws io.cellbench.core.UserError when another process runs the directory
     */
    public static RunControls open(Path runDirectory, NotifyConfig notify, double speed, PrintStream console)
            throws IOException {
        return new RunControls(runDirectory, notify, speed, console);
    }

    /**
     * The run's listener with the alarms and the status watch beside it. Their failures never
     * reach the run.
     *
     * @param record  the run directory's sink, where alarms and operator actions are recorded
     * @param console hears every event too (the console's alarm lines); the watchdog's alarms
     *                reach it and the status as well as the record
     */
    public RunListener listener(RunListener inner, RunListener record, RunInfo info, RunListener console) {
        // What the watchdog and the notifiers record (a silent channel, an alarm that reached
        // nobody) goes to the status and the console as well as to events.jsonl.
        RunListener recordAndShow = e -> {
            record.on(e);
            for (RunListener l : List.of(watch, console)) {
                try {
                    l.on(e);
                } catch (RuntimeException ignored) {
                    // a side line; the record above is what counts
                }
            }
        };
        this.record = recordAndShow;
        Map<String, String> about = new LinkedHashMap<>();
        about.put("run_id", info.runId());
        about.put("run_directory", runDirectory.toAbsolutePath().normalize().toString());
        about.put("host", host());
        this.run = about;
        this.alarms = new RunAlarms(notify, about, recordAndShow, InstantSource.system());
        List<RunListener> side = List.of(watch, console, alarms.listener());
        return new RunListener() {
            @Override
            public void on(RunEvent event) {
                try {
                    inner.on(event);
                } finally {
                    // also when the record failed (a full disk): then the alarms matter most
                    for (RunListener l : side) {
                        try {
                            l.on(event);
                        } catch (RuntimeException e) {
                            // status and alarms are a side line; the record above is what counts
                        }
                    }
                }
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    /**
     * Refuses to touch a run directory that a process is running now (its control socket
     * answers), for commands that would delete or rewrite it.
     */
    public static void refuseIfRunning(Path runDirectory) {
        if (ControlClient.answers(runDirectory)) {
            throw new io.cellbench.core.UserError("a cellbench process is running " + runDirectory
                    + " now; stop it first with 'cellbench stop " + runDirectory + "'");
        }
    }

    /** What the run's sinks show in {@code status} (InfluxDB: whether it is reachable, what waits in the spool). */
    public void sinks(List<SinkStatus> statuses) {
        this.sinks = List.copyOf(statuses);
    }

    /**
     * How the run's files are read for the cells that ended before this process started, which
     * {@code status} lists beside the running ones (null: not read).
     */
    public void filedCells(FiledCells files) {
        this.filedCells = files;
    }

    /** The run has its runner: answer requests, watch the channels (in real or scaled time). */
    public void attach(ScheduleRunner runner) {
        Map<String, String> about = new LinkedHashMap<>(run);
        about.put("pid", Long.toString(ProcessHandle.current().pid()));
        List<String> running = runner.schedule().cells().stream().map(c -> c.info().id()).toList();
        handler = new RunController(runner, watch, speed, about, record,
                EndedBefore.lazily(runDirectory, running, filedCells)).sinks(sinks);
        if (Double.isFinite(speed)) {
            // Not at full speed: virtual time has no wall-clock sample period, and a cell's
            // virtual thread may wait for a carrier for seconds while others compute.
            Map<String, Duration> periods = new HashMap<>();
            for (ScheduledCell c : runner.schedule().cells()) {
                double wall = c.protocol().logging().samplePeriodSecond() / speed;
                periods.put(c.info().id(), Duration.ofNanos((long) (Math.max(0, wall) * 1e9)));
            }
            alarms.watch(runner::statuses, id -> periods.getOrDefault(id, Duration.ofSeconds(1)));
        }
        console.println("cellbench: control with 'cellbench status|pause|continue|stop " + runDirectory + "'"
                + (notify.notifiers().isEmpty() ? "" : "; alarms go to " + notify.describeNotifiers()));
    }

    /** Removes the control socket and sends the alarms still queued (bounded wait). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        if (alarms != null) {
            alarms.close();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
