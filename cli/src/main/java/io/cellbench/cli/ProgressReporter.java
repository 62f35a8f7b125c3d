package io.cellbench.cli;

import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.RunnerStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one line per cell every few seconds while a schedule runs: state, cycle, step,
 * voltage, current and how far through the protocol it is. Plain lines work on terminals,
 * in logs and in CI alike.
 */
final class ProgressReporter implements AutoCloseable {
    private final ScheduleRunner runner;
    private final PrintStream out;
    private final long periodMillis;
    private final Thread thread;

    ProgressReporter(ScheduleRunner runner, PrintStream out, long periodMillis) {
        this.runner = runner;
        this.out = out;
        this.periodMillis = periodMillis;
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
        StringBuilder sb = new StringBuilder();
        statuses.forEach((id, s) -> sb.append(line(id, s)).append('\n'));
        out.print(sb);
        out.flush();
    }

    static String line(String id, RunnerStatus s) {
        double fraction = s.plannedStepCount() > 0 ? Math.min(1.0, (double) s.stepCount() / s.plannedStepCount()) : 0;
        String state = s.state() == RunnerStatus.State.ENDED && s.outcome() != null
                ? s.outcome().name().toLowerCase(Locale.ROOT) : s.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return String.format(Locale.ROOT, "%-12s %3.0f%%  %-10s cycle %3d  step %4d/%-4d  %6.3f V  %+9.3f mA  %7.1f h  %s",
                id, fraction * 100, state, s.cycleCount(), s.stepCount(), s.plannedStepCount(),
                Double.isNaN(s.voltageVolt()) ? 0.0 : s.voltageVolt(),
                Double.isNaN(s.currentAmpere()) ? 0.0 : s.currentAmpere() * 1000,
                s.testTimeSecond() / 3600, shorten(s.stepText(), 48));
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
    }
}
