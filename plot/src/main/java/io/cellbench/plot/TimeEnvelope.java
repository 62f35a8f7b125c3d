package io.cellbench.plot;

import java.util.Arrays;

/**
 * A time series of unknown length held in bounded memory as its envelope: time is cut into at
 * most {@code capacity} equal spans and each span keeps its first, lowest, highest and last
 * point. When a point falls beyond the last span, neighbouring spans merge in pairs and the
 * span doubles, so a month of one-second samples ends as a few thousand spans however it
 * started. Unlike {@link CurveBuffer}, which keeps every n-th point, a spike shorter than a
 * span (a current pulse, a pressure drop when a fixture slips, a temperature excursion) is
 * never dropped: it is what a plot against time is looked at for.
 */
final class TimeEnvelope {
    /** The first span, seconds: finer than any cycler logs, widened by doubling as the series grows. */
    private static final double FIRST_SPAN_SECOND = 1e-3;
    /** A span's eight numbers in {@link #spans}: time and value of its first, lowest, highest and last point. */
    private static final int FIRST = 0;
    private static final int LOW = 2;
    private static final int HIGH = 4;
    private static final int LAST = 6;
    private static final int WIDTH = 8;

    private final int capacity;
    private double origin = Double.NaN;
    private double span = FIRST_SPAN_SECOND;
    private int count;
    private final double[] spans;
    private final boolean[] filled;

    TimeEnvelope(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        this.capacity = capacity;
        spans = new double[WIDTH * capacity];
        filled = new boolean[capacity];
    }

    /** A point at test time {@code t} (s); a NaN time or value (not measured) is left out. */
    void add(double t, double v) {
        if (!Double.isFinite(t) || !Double.isFinite(v)) {
            return;
        }
        if (Double.isNaN(origin)) {
            origin = t;
        }
        // a time before the first (a clock step back in an imported file) joins the first span
        double offset = Math.max(0, t - origin);
        while (offset / span >= capacity) {
            mergePairs();
        }
        int i = (int) (offset / span);
        int at = i * WIDTH;
        if (!filled[i]) {
            filled[i] = true;
            set(at + FIRST, t, v);
            set(at + LOW, t, v);
            set(at + HIGH, t, v);
        } else if (v < spans[at + LOW + 1]) {
            set(at + LOW, t, v);
        } else if (v > spans[at + HIGH + 1]) {
            set(at + HIGH, t, v);
        }
        set(at + LAST, t, v);
        count = Math.max(count, i + 1);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Seconds per span now. */
    double span() {
        return span;
    }

    /** The kept points in time order: per span its first, lowest, highest and last, each once. */
    Curve curve() {
        double[] t = new double[4 * count];
        double[] v = new double[4 * count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!filled[i]) {
                continue;
            }
            int at = i * WIDTH;
            // the lowest and highest may come in either order within the span
            boolean lowFirst = spans[at + LOW] <= spans[at + HIGH];
            int[] order = {FIRST, lowFirst ? LOW : HIGH, lowFirst ? HIGH : LOW, LAST};
            for (int k : order) {
                double pt = spans[at + k];
                double pv = spans[at + k + 1];
                if (n > 0 && t[n - 1] == pt && v[n - 1] == pv) {
                    continue; // the same sample kept in two roles
                }
                t[n] = pt;
                v[n] = pv;
                n++;
            }
        }
        return new Curve(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    private void set(int index, double t, double v) {
        spans[index] = t;
        spans[index + 1] = v;
    }

    /** Spans 2k and 2k+1 become span k, twice as long. */
    private void mergePairs() {
        int merged = 0;
        for (int a = 0; a < count; a += 2) {
            int b = a + 1;
            boolean hasA = filled[a];
            boolean hasB = b < count && filled[b];
            int to = merged * WIDTH;
            if (hasA) {
                System.arraycopy(spans, a * WIDTH, spans, to, WIDTH);
            }
            if (hasA && hasB) {
                int from = b * WIDTH;
                if (spans[from + LOW + 1] < spans[to + LOW + 1]) {
                    set(to + LOW, spans[from + LOW], spans[from + LOW + 1]);
                }
                if (spans[from + HIGH + 1] > spans[to + HIGH + 1]) {
                    set(to + HIGH, spans[from + HIGH], spans[from + HIGH + 1]);
                }
                set(to + LAST, spans[from + LAST], spans[from + LAST + 1]);
            } else if (hasB) {
                System.arraycopy(spans, b * WIDTH, spans, to, WIDTH);
            }
            filled[merged] = hasA || hasB;
            merged++;
        }
        Arrays.fill(filled, merged, count, false);
        count = merged;
        span *= 2;
    }
}
