package io.cellbench.cli;

import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.session.RunAttachment;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Shows where every cell is while a schedule runs, and the run's alarms.
 *
 * <p>On an interactive terminal: a bar per cell, all of one width sized to the terminal (see
 * {@link ProgressLines#row}), redrawn in place; a cell's latest alarm shows in its row once it
 * has ended or stopped answering, and every alarm is printed when the bars close.
 *
 * <p>Otherwise (logs, pipes, CI): a plain line for a cell when something worth a line changed
 * (state, step, cycle, who holds it, whether it answers) or a minute has passed, and an
 * ended cell once; every alarm as a line of its own as soon as it is raised.
 */
final class ProgressReporter implements AutoCloseable, RunAttachment {
    /** A plain line for a cell at least this often, changed or not. */
    static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private volatile ScheduleRunner runner;
    private final PrintStream out;
    private final long periodMillis;
    private final Thread thread;
    private final boolean bars;
    private final Map<String, ProgressBar> barsByCell = new LinkedHashMap<>();
    private final Map<String, RunnerStatus> latest = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Logged> logged = new HashMap<>();
    private volatile int nameWidth = 12;
    private double speed = Double.POSITIVE_INFINITY;
    private volatile AlarmLines alarms = new AlarmLines();

    /** What the plain log last said of a cell. */
    private record Logged(String key, long atNanos) {
    }

    ProgressReporter(ScheduleRunner runner, PrintStream out, long periodMillis) {
        this(runner, out, periodMillis, Terminal.isInteractive() && out == System.out);
    }

    /** For a session: the runner comes with {@link #attach}. */
    ProgressReporter(PrintStream out, long periodMillis) {
        this(null, out, periodMillis);
    }

    ProgressReporter(ScheduleRunner runner, PrintStream out, long periodMillis, boolean bars) {
        this.runner = runner;
        this.out = out;
        this.periodMillis = bars ? 250 : periodMillis;
        this.bars = bars;
        this.thread = Thread.ofPlatform().daemon().name("progress").unstarted(this::loop);
    }

    /** Simulated seconds per wall second, for the ETA (infinite: none). */
    ProgressReporter speed(double simulatedPerWallSecond) {
        this.speed = simulatedPerWallSecond;
        return this;
    }

    /** Where the run's alarms are queued for the console. */
    ProgressReporter alarms(AlarmLines lines) {
        this.alarms = lines;
        return this;
    }

    void start() {
        thread.start();
    }

    @Override
    public RunListener listener() {
        return alarms;
    }

    @Override
    public void attach(Session session) {
        runner = session.runner();
        speed = session.speed();
        start();
    }

    @Override
    public void ended(ScheduleRunner r) {
        print(r.statuses());
    }

    @Override
    public void detach() {
        close();
    }

    private void loop() {
        try {
            while (true) {
                alarms.await(periodMillis); // the period, or at once for an alarm
                print(runner == null ? Map.of() : runner.statuses());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void print(Map<String, RunnerStatus> statuses) {
        print(statuses, System.nanoTime());
    }

    synchronized void print(Map<String, RunnerStatus> statuses, long nowNanos) {
        if (bars) {
            if (barsByCell.isEmpty()) {
                // one name column for every row, so that every bar starts in the same column
                nameWidth = Math.max(4, Math.min(20, statuses.keySet().stream().mapToInt(String::length).max()
                        .orElse(4)));
            }
            statuses.forEach(this::updateBar);
            return;
        }
        StringBuilder sb = new StringBuilder();
        alarms.drain().forEach(a -> sb.append(a).append('\n'));
        statuses.forEach((id, s) -> {
            String key = key(s);
            Logged last = logged.get(id);
            boolean ended = s.state() == RunnerStatus.State.ENDED;
            boolean due = last == null || !last.key().equals(key) || !ended && nowNanos - last.atNanos() >= LOG_EVERY_NANOS;
            if (due) {
                sb.append(ProgressLines.line(id, s, speed)).append('\n');
                logged.put(id, new Logged(key, nowNanos));
            }
        });
        if (!sb.isEmpty()) {
            out.print(sb);
            out.flush();
        }
    }

    /** What makes a new log line worth writing: not every new reading, but a new step, state or doubt. */
    private static String key(RunnerStatus s) {
        return s.state() + "|" + s.outcome() + "|" + s.stepCount() + "|" + s.cycleCount() + "|" + s.holds() + "|"
                + s.waitingFor() + "|" + s.notAnswering() + "|" + s.health().outputUnconfirmed();
    }

    /** The plain line of one cell (see {@link ProgressLines#line}), without an ETA. */
    static String line(String id, RunnerStatus s) {
        return ProgressLines.line(id, s, Double.POSITIVE_INFINITY);
    }

    private void updateBar(String id, RunnerStatus s) {
        latest.put(id, s);
        barsByCell.computeIfAbsent(id, k -> new ProgressBarBuilder()
                .setTaskName(k)
                .setInitialMax(1000)
                .setRenderer((state, width) -> ProgressLines.row(state.getTaskName(), latest.get(state.getTaskName()),
                        width, nameWidth, speed, alarms.latest(state.getTaskName())))
                .setConsumer(new InteractiveConsoleProgressBarConsumer(out))
                .continuousUpdate()
                .build())
                .stepTo(Math.round(ProgressLines.fraction(s) * 1000));
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        barsByCell.values().forEach(ProgressBar::close);
        List<String> left = alarms.drain();
        if (!left.isEmpty()) {
            left.forEach(out::println);
            out.flush();
        }
    }
}
