package io.cellbench.plot;

/**
 * The span of one axis. Ranges are set explicitly on every chart (rather than left to the
 * charting library) so that stacked panels share their x axis exactly and so the figure
 * knows where the plot area is when it draws the axis titles itself.
 */
record AxisRange(double min, double max, boolean log) {

    /** Fraction of the data span left free at each end, so markers at the edge are not cut. */
    static final double MARGIN = 0.04;

    /** The narrowest linear axis, in the axis's unit (see {@link #atLeastMinimum}). */
    static final double MIN_LINEAR_SPAN = 1e-8;

    AxisRange {
        if (!(max > min)) {
            throw new IllegalArgumentException("empty axis range " + min + ".." + max);
        }
    }

    /** A range around data bounds with a small margin; a degenerate span is widened. */
    static AxisRange around(double lo, double hi, boolean log) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return log ? new AxisRange(1, 10, true) : new AxisRange(0, 1, false);
        }
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            if (b - a < 1e-9) {
                a -= 0.5;
                b += 0.5;
            }
            double m = (b - a) * MARGIN;
            return new AxisRange(Math.pow(10, a - m), Math.pow(10, b + m), true);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            return atLeastMinimum(lo - pad, hi + pad);
        }
        double m = (hi - lo) * MARGIN;
        return atLeastMinimum(lo - m, hi + m);
    }

    /**
     * Linear axes span at least {@link #MIN_LINEAR_SPAN}, around the middle: xchart rounds its tick
     * step to ten decimals, so on a narrower axis the step becomes zero and it draws one tick in
     * the middle. Plots draw in units that suit the values (µA, not A), so no real axis is this narrow.
     */
    private static AxisRange atLeastMinimum(double lo, double hi) {
        if (hi - lo >= MIN_LINEAR_SPAN) {
            return new AxisRange(lo, hi, false);
        }
        double middle = lo / 2 + hi / 2;
        return new AxisRange(middle - MIN_LINEAR_SPAN / 2, middle + MIN_LINEAR_SPAN / 2, false);
    }

    /** The value a fraction {@code f} of the way along the axis (geometric on a log axis). */
    double at(double f) {
        return log ? Math.pow(10, Math.log10(min) + f * (Math.log10(max) - Math.log10(min))) : min + f * (max - min);
    }

    double span() {
        return max - min;
    }

    /** This range widened to {@code newSpan}, its lower end kept (linear axes). */
    AxisRange widenedTo(double newSpan) {
        if (newSpan <= span()) {
            return this;
        }
        return new AxisRange(min, min + newSpan, log);
    }
}
