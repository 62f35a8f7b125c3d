package io.cellbench.cli;

import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.RunnerStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows where every cell is while a schedule runs. On an interactive terminal: a progress bar
 * per cell (steps done of the protocol's planned steps, wall-clock ETA, cycle, V, I, step).
 * Otherwise (logs, pipes, CI): one plain line per cell every few seconds.
 */
final class ProgressReporter implements AutoCloseable {
    private final ScheduleRunner runner;
    private final PrintStream out;
    private final long periodMillis;
    private final Thread thread;
    private final boolean bars;
    private final Map<String, ProgressBar> barsByCell = new LinkedHashMap<>();

    ProgressReporter(ScheduleRunner runner, PrintStream out, long periodMillis) {
        this(runner, out, periodMillis, Terminal.isInteractive() && out == System.out);
    }

    ProgressReporter(ScheduleRunner runner, PrintStream out, long periodMillis, boolean bars) {
        this.runner = runner;
        this.out = out;
        this.periodMillis = bars ? 250 : periodMillis;
        this.bars = bars;
        this.thread = Thread.ofPlatform().daemon().name("progress").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            while (true) {
                Thread.sleep(periodMillis);
                print(runner.statuses());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void print(Map<String, RunnerStatus> statuses) {
        if (bars) {
            statuses.forEach(this::updateBar);
            return;
        }
        StringBuilder sb = new StringBuilder();
        statuses.forEach((id, s) -> sb.append(line(id, s)).append('\n'));
        out.print(sb);
        out.flush();
    }

    static String line(String id, RunnerStatus s) {
        double fraction = s.plannedStepCount() > 0 ? Math.min(1.0, (double) s.stepCount() / s.plannedStepCount()) : 0;
        String state = s.state() == RunnerStatus.State.ENDED && s.outcome() != null
                ? s.outcome().name().toLowerCase(Locale.ROOT) : s.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        // NaN V: no reading yet, or a rest with the relay open (then the current, 0 A, is known)
        String vi = (Double.isNaN(s.voltageVolt()) ? String.format(Locale.ROOT, "%8s", "- V")
                : String.format(Locale.ROOT, "%6.3f V", s.voltageVolt())) + "  "
                + (Double.isNaN(s.currentAmpere()) ? String.format(Locale.ROOT, "%12s", "- mA")
                : String.format(Locale.ROOT, "%+9.3f mA", s.currentAmpere() * 1000));
        return String.format(Locale.ROOT, "%-12s %3.0f%%  %-10s cycle %3d  step %4d/%-4d  %s  %7.1f h  %s",
                id, fraction * 100, state, s.cycleCount(), s.stepCount(), s.plannedStepCount(), vi,
                s.testTimeSecond() / 3600, shorten(s.stepText(), 48));
    }

    private void updateBar(String id, RunnerStatus s) {
        ProgressBar bar = barsByCell.computeIfAbsent(id, k -> new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "%-12s", k))
                .setInitialMax(Math.max(1, s.plannedStepCount()))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setMaxRenderedLength(160)
                .setConsumer(new InteractiveConsoleProgressBarConsumer(out))
                .continuousUpdate()
                .build());
        bar.stepTo(Math.min(s.stepCount(), s.plannedStepCount()));
        bar.setExtraMessage(barMessage(s));
    }

    /** The bar's text; an unknown value is "-", never 0 (0 V would read as a dead cell). */
    static String barMessage(RunnerStatus s) {
        return String.format(Locale.ROOT, " cycle %d  %s V  %s mA  %s", s.cycleCount(),
                Double.isNaN(s.voltageVolt()) ? "-" : String.format(Locale.ROOT, "%.3f", s.voltageVolt()),
                Double.isNaN(s.currentAmpere()) ? "-" : String.format(Locale.ROOT, "%+.3f", s.currentAmpere() * 1000),
                s.state() == RunnerStatus.State.ENDED && s.outcome() != null
                        ? s.outcome().name().toLowerCase(Locale.ROOT) : shorten(s.stepText(), 40));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
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
    }
}
