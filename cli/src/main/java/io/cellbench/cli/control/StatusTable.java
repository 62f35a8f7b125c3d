package io.cellbench.cli.control;

import io.cellbench.schedules.control.CellStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The status lines as an aligned table, one cell per line. */
final class StatusTable {
    private static final String[] HEAD = {"CELL", "STATE", "STEP", "CYCLE", "V", "I/mA", "STEP/mAh", "IN STEP",
        "ETA", "LAST FAULT"};

    private StatusTable() {
    }

    static void print(List<CellStatus> cells, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEAD);
        for (CellStatus c : cells) {
            rows.add(new String[] {
                c.cellId(),
                stateText(c) + (c.waitingFor() == null ? "" : " (for " + cut(c.waitingFor(), 50) + ")"),
                c.stepIndex() == 0 ? "-" : c.stepIndex() + (c.step() == null || c.step().isEmpty() ? "" : " " + cut(c.step(), 36)),
                c.cycle() == 0 ? "-" : Integer.toString(c.cycle()),
                number(c.voltageVolt(), 1, "%.4f"),
                number(c.currentAmpere(), 1e3, "%.4f"),
                number(c.stepCapacityAh(), 1e3, "%.4f"),
                duration(c.stepTimeSecond()),
                // "~": an estimate (a step that ends on a voltage is ahead), not known durations
                (c.etaGuess() && Double.isFinite(c.etaSecond()) ? "~" : "") + duration(c.etaSecond()),
                c.lastFault() == null ? "" : cut(c.lastFault(), 60)});
        }
        int[] width = new int[HEAD.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** The state as the table shows it: with who holds it, what it waits for, the outcome and doubts. */
    static String stateText(CellStatus c) {
        return c.state() + (c.holds().isEmpty() ? "" : " (" + String.join("; ", c.holds()) + ")")
                + (c.outcome() == null ? "" : " " + c.outcome())
                + (c.notAnsweringSince() == null ? "" : " since " + when(c.notAnsweringSince()))
                + (c.outputUnconfirmedSince() == null ? ""
                        : ", OUTPUT NOT CONFIRMED OFF since " + when(c.outputUnconfirmedSince()));
    }

    private static String number(double v, double scale, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v * scale) : "-";
    }

    /** 3 h 05 min, 12 min 30 s, 42 s. */
    static String duration(double seconds) {
        return Durations.text(seconds);
    }

    /** An ISO-8601 instant as "2026-11-22 03:12:09 UTC"; the text itself if it is none. */
    static String when(String iso) {
        try {
            return WHEN.format(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private static String cut(String text, int max) {
        String one = text.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
