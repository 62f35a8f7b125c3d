package io.cellbench.schedules.runner;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Quantity;
import java.util.Locale;

/**
 * How long an instrument fault is ridden out before its cell is given up: failed reads are
 * tried again for at most {@code boundSecond} of lab time per incident, after back-offs that
 * start at {@code firstBackoffSecond} and double up to {@code maxBackoffSecond}.
 *
 * <p>Sixty seconds by default: long enough for a USB-serial adapter to re-enumerate, a
 * switch to come back or an instrument to finish a self-calibration, short enough that a
 * cell left on charge by an instrument that no longer answers is given up (and alarmed)
 * within a minute. A CC step that overruns its cut-off by a minute at C/10 adds 0.3 % of
 * capacity, which the cell survives.
 *
 * @param boundSecond        lab time an incident may last, s; 0 gives up at the first failure
 * @param firstBackoffSecond the first wait, s
 * @param maxBackoffSecond   the longest wait, s
 */
public record FaultRetry(double boundSecond, double firstBackoffSecond, double maxBackoffSecond) {

    public static final FaultRetry DEFAULT = new FaultRetry(60, 0.5, 10);
    public static final FaultRetry NONE = new FaultRetry(0, 0.5, 10);

    public FaultRetry {
        if (!(boundSecond >= 0) || Double.isInfinite(boundSecond)) {
            throw new IllegalArgumentException("the fault retry bound must be a finite time ≥ 0 s, got " + boundSecond);
        }
        if (!(firstBackoffSecond > 0) || !(maxBackoffSecond >= firstBackoffSecond)) {
            throw new IllegalArgumentException("back-offs must satisfy 0 < first ≤ max, got " + firstBackoffSecond
                    + " s and " + maxBackoffSecond + " s");
        }
    }

    /** The default back-offs within another bound. */
    public static FaultRetry within(double boundSecond) {
        return new FaultRetry(boundSecond, DEFAULT.firstBackoffSecond, DEFAULT.maxBackoffSecond);
    }

    /**
     * Parses an option such as {@code 60s}, {@code 2 min} or {@code 0} (no retries).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static FaultRetry parse(String text) {
        String t = text.strip();
        if (t.equals("0")) {
            return NONE;
        }
        double seconds;
        try {
            seconds = Quantity.parse(t, Dimension.TIME).si();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time such as 60s or 2min: " + e.getMessage());
        }
        if (!(seconds >= 0) || seconds > 86_400) {
            throw new IllegalArgumentException("the fault retry time must be between 0 s and 1 day, got '" + text + "'");
        }
        return within(seconds);
    }

    /** True when a fault is given up at once. */
    public boolean failFast() {
        return boundSecond == 0;
    }

    /** "60 s", for messages and the journal. */
    public String describe() {
        return boundSecond == Math.rint(boundSecond)
                ? String.format(Locale.ROOT, "%.0f s", boundSecond)
                : String.format(Locale.ROOT, "%s s", boundSecond);
    }
}
