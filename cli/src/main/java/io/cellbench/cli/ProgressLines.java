package io.cellbench.cli;

import io.cellbench.schedules.runner.RunnerStatus;
import java.util.Locale;

/**
 * What the console shows of one cell: the plain line (logs, pipes) and the bar row (a
 * terminal). An unknown value is "-", never 0 (0 V would read as a dead cell); a cell whose
 * instruments do not answer shows that, not its last reading as if it were current.
 */
final class ProgressLines {
    /** The narrowest bar drawn, however narrow the terminal. */
    static final int MIN_BAR = 10;
    /** The widest bar: wider says nothing more. */
    static final int MAX_BAR = 40;
    /** Room kept for the text after the bar before the bar takes more. */
    private static final int MIN_TEXT = 44;
    private static final String[] PARTIAL = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    private ProgressLines() {
    }

    /**
     * How far the protocol is, 0..1: the steps done plus the current one's share of its
     * expected duration (at most 99 % of it), over the steps planned. 1 only once every step
     * has ended: the last step running is not done.
     */
    static double fraction(RunnerStatus s) {
        if (s.state() == RunnerStatus.State.ENDED && s.outcome() == io.cellbench.core.data.RunEvent.Outcome.COMPLETED) {
            return 1;
        }
        if (s.plannedStepCount() <= 0 || s.stepCount() <= 0) {
            return 0;
        }
        double expected = s.remaining().stepSecond();
        double partial = expected > 0 ? Math.min(0.99, s.stepTimeSecond() / expected) : 0;
        return Math.min(0.999, (s.stepCount() - 1 + partial) / s.plannedStepCount());
    }

    /** "running", "not answering", "paused", "completed", …. */
    static String state(RunnerStatus s) {
        if (s.state() == RunnerStatus.State.ENDED && s.outcome() != null) {
            return s.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return s.notAnswering() ? "not answering" : s.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The plain line of a log: one cell, everything on it aligned. */
    static String line(String id, RunnerStatus s, double speed) {
        return String.format(Locale.ROOT, "%-12s %3.0f%%  %-10s cycle %3d  step %4d/%-4d  %s  %7.1f h  %s",
                id, Math.floor(fraction(s) * 100), state(s), s.cycleCount(), s.stepCount(), s.plannedStepCount(),
                reading(s, true), s.testTimeSecond() / 3600, tail(s, speed, 48));
    }

    /**
     * One bar row that fits {@code width} columns: the name in {@code nameWidth}, the
     * percentage, a bar as wide as the terminal allows (between {@link #MIN_BAR} and
     * {@link #MAX_BAR}, the same for every row) and the text, cut to what is left.
     */
    static String row(String id, RunnerStatus s, int width, int nameWidth, double speed, String alarm) {
        int bar = barWidth(width, nameWidth);
        double f = s == null ? 0 : fraction(s);
        StringBuilder row = new StringBuilder(width + 16);
        row.append(pad(cut(id, nameWidth), nameWidth)).append(' ')
                .append(String.format(Locale.ROOT, "%3.0f%%", Math.floor(f * 100))).append(" │");
        int eighths = (int) Math.floor(f * bar * 8);
        int full = Math.min(bar, eighths / 8);
        row.append("█".repeat(full));
        if (full < bar) {
            row.append(PARTIAL[eighths % 8]);
            row.append(" ".repeat(bar - full - (eighths % 8 == 0 ? 0 : 1)));
        }
        row.append("│ ");
        String text = s == null ? "starting" : state(s) + "  " + (alarm != null && (s.state() == RunnerStatus.State.ENDED
                || s.notAnswering()) ? alarm : "cycle " + s.cycleCount() + "  " + reading(s, false) + "  " + tail(s,
                speed, 200));
        int left = Math.max(0, width - row.length());
        return row.append(cut(text.replace('\n', ' '), left)).toString();
    }

    /** The bar's width in a terminal {@code width} columns wide: the same for every row. */
    static int barWidth(int width, int nameWidth) {
        int fixed = nameWidth + 1 + 4 + 2 + 2; // name, percentage, the bar's edges and a space
        return Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed - MIN_TEXT));
    }

    /** V and I, or what the instruments say instead. */
    private static String reading(RunnerStatus s, boolean aligned) {
        if (s.notAnswering()) {
            return aligned ? String.format(Locale.ROOT, "%-22s", "(no reading)") : "(no reading)";
        }
        String v = Double.isNaN(s.voltageVolt()) ? "- V" : String.format(Locale.ROOT, "%.3f V", s.voltageVolt());
        String i = Double.isNaN(s.currentAmpere()) ? "- mA"
                : String.format(Locale.ROOT, "%+.3f mA", s.currentAmpere() * 1000);
        return aligned ? String.format(Locale.ROOT, "%8s  %12s", v, i) : v + "  " + i;
    }

    /** The ETA (a guess marked ~) and the step, or the failure of an instrument that does not answer. */
    private static String tail(RunnerStatus s, double speed, int max) {
        if (s.notAnswering()) {
            return cut(s.health().lastFailure(), max);
        }
        double eta = Double.isFinite(speed) && speed > 0 ? s.remaining().totalSecond() / speed : Double.NaN;
        String left = s.state() == RunnerStatus.State.ENDED || Double.isNaN(eta) ? ""
                : "ETA " + (s.remaining().guess() ? "~" : "") + io.cellbench.cli.control.Durations.text(eta) + "  ";
        return left + cut(s.stepText(), max);
    }

    static String cut(String s, int max) {
        if (max <= 0) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
