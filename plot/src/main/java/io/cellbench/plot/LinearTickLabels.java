package io.cellbench.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tick labels of a linear axis: every label with the decimals of the tick step, no more and no
 * fewer (2.98290, 2.98295, 2.98300 at a 50 µV step; −8, −6 … at a step of 2), as matplotlib's
 * ScalarFormatter writes them, with a true minus sign (U+2212).
 *
 * <p>xchart chooses the step (1, 2 or 5 × 10ⁿ, by pixels) and asks for one label at a time, so
 * the step is learnt: xchart labels each candidate set of ticks in rising order, so the last
 * rising run of values it asked for is the set it drew, and its first difference is the step.
 * The figure lays its panels out a few times on a scratch canvas anyway ({@link Figure}), and
 * {@link #learn()} after each layout gives the next one the step. Before any layout the step is
 * guessed from the span (about twenty ticks), erring fine: a step finer than the labels could
 * tell apart would give equal labels, which xchart refuses, taking a coarser step.
 */
final class LinearTickLabels implements Function<Double, String> {
    /** Ticks per axis the first guess assumes; xchart draws 3 to ~16 at the figure's sizes. */
    private static final int GUESSED_TICKS = 20;

    private final Supplier<AxisRange> range;
    private double step = Double.NaN;
    private double last = Double.NaN;
    private double runFirst = Double.NaN;
    private double runStep = Double.NaN;

    LinearTickLabels(Supplier<AxisRange> range) {
        this.range = range;
    }

    @Override
    public String apply(Double value) {
        double v = value;
        if (!(v > last)) {
            runFirst = v;
            runStep = Double.NaN;
        } else if (Double.isNaN(runStep)) {
            runStep = v - runFirst;
        }
        last = v;
        return format(v, Double.isNaN(step) ? niceStep(range.get().span() / GUESSED_TICKS) : step);
    }

    /**
     * Takes the step of the ticks just laid out as the one to label with; true when it changed
     * (the labels, so their width and perhaps xchart's step, change with it).
     */
    boolean learn() {
        double laidOut = Double.isNaN(runStep) ? Double.NaN : niceStep(runStep);
        last = Double.NaN;
        if (Double.isNaN(laidOut) || laidOut == step) {
            return false;
        }
        step = laidOut;
        return true;
    }

    /** {@code v} with the decimals of {@code step}; zero is never "−0". */
    static String format(double v, double step) {
        if (!Double.isFinite(v)) {
            return "";
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        BigDecimal rounded = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        return TickLabels.trueMinus(rounded.toPlainString());
    }

    /** The 1, 2 or 5 × 10ⁿ nearest {@code step} (so a difference of two doubles loses its noise). */
    static double niceStep(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            return 1;
        }
        int exponent = (int) Math.floor(Math.log10(step));
        double mantissa = step / Math.pow(10, exponent);
        double nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
        return new BigDecimal(nice).scaleByPowerOfTen(exponent).doubleValue();
    }
}
