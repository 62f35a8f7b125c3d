package io.cellbench.plot;

/** Running bounds of the finite values seen (positive ones only for a log axis). */
final class Extent {
    private final boolean positiveOnly;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;

    Extent(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
    }

    void add(double v) {
        if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
    }

    void addAll(double[] values) {
        for (double v : values) {
            add(v);
        }
    }

    boolean isEmpty() {
        return lo > hi;
    }

    double lo() {
        return lo;
    }

    double hi() {
        return hi;
    }
}
