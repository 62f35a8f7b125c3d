package io.cellbench.cli.control;

import java.util.Locale;

/** Durations as the console shows them: 3 h 05 min, 12 min 30 s, 42 s; "-" when unknown. */
public final class Durations {
    private Durations() {
    }

    public static String text(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
