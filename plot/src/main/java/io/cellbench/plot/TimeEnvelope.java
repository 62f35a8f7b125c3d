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

    private final int capacity;
    private double origin = Double.NaN;
    private double span = FIRST_SPAN_SECOND;
    private int count;
    private final double[] firstT;
    private final double[] firstV;
    private final double[] lowT;
    private final double[] lowV;
    private final double[] highT;
    private final double[] highV;
    private final double[] lastT;
    private final double[] lastV;
    private final boolean[] filled;

    TimeEnvelope(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        this.capacity = capacity;
        firstT = new double[capacity];
        firstV = new double[capacity];
        lowT = new double[capacity];
        lowV = new double[capacity];
        highT = new double[capacity];
        highV = new double[capacity];
        lastT = new double[capacity];
        lastV = new double[capacity];
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
        if (!filled[i]) {
            filled[i] = true;
            firstT[i] = lowT[i] = highT[i] = t;
            firstV[i] = lowV[i] = highV[i] = v;
        } else if (v < lowV[i]) {
            lowT[i] = t;
            lowV[i] = v;
        } else if (v > highV[i]) {
            highT[i] = t;
            highV[i] = v;
        }
        lastT[i] = t;
        lastV[i] = v;
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
        double[][] four = new double[4][];
        for (int i = 0; i < count; i++) {
            if (!filled[i]) {
                continue;
            }
            four[0] = new double[] {firstT[i], firstV[i]};
            four[1] = new double[] {lowT[i], lowV[i]};
            four[2] = new double[] {highT[i], highV[i]};
            four[3] = new double[] {lastT[i], lastV[i]};
            // the lowest and highest may come in either order within the span
            if (four[2][0] < four[1][0]) {
                double[] swap = four[1];
                four[1] = four[2];
                four[2] = swap;
            }
            for (double[] p : four) {
                if (n > 0 && t[n - 1] == p[0] && v[n - 1] == p[1]) {
                    continue; // the same sample kept in two roles
                }
                t[n] = p[0];
                v[n] = p[1];
                n++;
            }
        }
        return new Curve(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    /** Spans 2k and 2k+1 become span k, twice as long. */
    private void mergePairs() {
        int merged = 0;
        for (int a = 0; a < count; a += 2) {
            int b = a + 1;
            boolean hasA = filled[a];
            boolean hasB = b < count && filled[b];
            if (hasA && hasB) {
                if (lowV[b] < lowV[a]) {
                    lowT[a] = lowT[b];
                    lowV[a] = lowV[b];
                }
                if (highV[b] > highV[a]) {
                    highT[a] = highT[b];
                    highV[a] = highV[b];
                }
                lastT[a] = lastT[b];
                lastV[a] = lastV[b];
            } else if (hasB) {
                firstT[a] = firstT[b];
                firstV[a] = firstV[b];
                lowT[a] = lowT[b];
                lowV[a] = lowV[b];
                highT[a] = highT[b];
                highV[a] = highV[b];
                lastT[a] = lastT[b];
                lastV[a] = lastV[b];
            }
            copy(a, merged, hasA || hasB);
            merged++;
        }
        for (int i = merged; i < count; i++) {
            filled[i] = false;
        }
        count = merged;
        span *= 2;
    }

    private void copy(int from, int to, boolean has) {
        filled[to] = has;
        if (!has || from == to) {
            return;
        }
        firstT[to] = firstT[from];
        firstV[to] = firstV[from];
        lowT[to] = lowT[from];
        lowV[to] = lowV[from];
        highT[to] = highT[from];
        highV[to] = highV[from];
        lastT[to] = lastT[from];
        lastV[to] = lastV[from];
    }
}
