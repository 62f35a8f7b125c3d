package io.cellbench.daq.run;

import io.cellbench.core.UserError;

/** An inclusive cycle range from the command line: "5", "2..20", "5..", "..10". */
public record CycleRange(int from, int to) {

    /** Every cycle. */
    public static final CycleRange ALL = new CycleRange(Integer.MIN_VALUE, Integer.MAX_VALUE);

    public static CycleRange parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        CycleRange range;
        try {
            int dots = text.indexOf("..");
            if (dots < 0) {
                int n = Integer.parseInt(text.strip());
                range = new CycleRange(n, n);
            } else {
                String a = text.substring(0, dots).strip();
                String b = text.substring(dots + 2).strip();
                range = new CycleRange(a.isEmpty() ? Integer.MIN_VALUE : Integer.parseInt(a),
                        b.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(b));
            }
        } catch (NumberFormatException e) {
            throw new UserError("--cycles takes FROM..TO with whole numbers, e.g. 2..20, 5.. or 7; got '" + text + "'");
        }
        // A range that selects nothing would print nothing and succeed: say why instead.
        if (range.from != Integer.MIN_VALUE && range.from < 1 || range.to < 1) {
            throw new UserError("--cycles " + text.strip() + ": cycles are counted from 1; e.g. 1..5");
        }
        if (range.from > range.to) {
            throw new UserError("--cycles " + text.strip() + " runs backwards: write " + range.to + ".." + range.from);
        }
        return range;
    }

    public boolean contains(int cycle) {
        return cycle >= from && cycle <= to;
    }

    /** True when the range leaves cycles out. */
    public boolean isLimited() {
        return from != Integer.MIN_VALUE || to != Integer.MAX_VALUE;
    }

    /** "2–20", "5 onwards", "up to 10", "7" for titles and messages. */
    public String describe() {
        if (from == to) {
            return Integer.toString(from);
        }
        if (to == Integer.MAX_VALUE) {
            return from == Integer.MIN_VALUE ? "all" : from + " onwards";
        }
        return from == Integer.MIN_VALUE ? "up to " + to : from + "–" + to;
    }
}
