package io.cellbench.plot;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tick labels of a linear axis: every label with the decimals of the tick step, no more and no
 * fewer (2.98290, 2.98295, 2.98300 at a 50 µV step; −8, −6 … at a step of 2), as matplotlib's
 * ScalarFormatter writes them, with a true minus sign (U+2212); long ones with a multiplier or an
 * offset that the axis shows once ({@link AxisNotation}).
 *
 * <p>xchart chooses the step (1, 2 or 5 × 10ⁿ, by pixels and by whether the labels fit) and asks
 * for one label at a time, each candidate set of ticks in rising order from one tick below the
 * axis. So each label takes the step of the rising run it belongs to: from the run's second value
 * on, the labels carry the decimals of exactly the step xchart is trying, in every scratch layout
 * and in the drawing. This matters because xchart does not refuse equal labels from a formatting
 * function (its check for them is switched off for one), and a step learnt from an earlier layout
 * need not be the one drawn: at 355 px, ±0.019 went 0.005 → 0.01 → 0.005 … between layouts (the
 * longer labels of 0.005 did not fit, the shorter ones of 0.01 did), and ticks every 0.005 were
 * labelled −0.02, −0.01, −0.01, −0.01, 0.00. Only the first value of a run (the tick below the
 * axis, never drawn, but measured when xchart checks that the labels fit) and xchart's check of
 * the axis ends are formatted before the step is known: with the step of the last run laid out
 * ({@link #learn()}, after each of the {@link Figure}'s scratch layouts), or before any layout a
 * guess from the span (about twenty ticks, erring fine).
 */
final class LinearTickLabels implements Function<Double, String> {
    /** Ticks per axis the first guess assumes; xchart draws 3 to ~16 at the figure's sizes. */
    private static final int GUESSED_TICKS = 20;

    private final Supplier<AxisRange> range;
    private double step = Double.NaN;
    private double last = Double.NaN;
    private double runFirst = Double.NaN;
    private double runStep = Double.NaN;
    /** The notation of the last run of ticks whose step was known (null before any). */
    private AxisNotation laidOut;

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
        if (Double.isNaN(runStep)) {
            double guess = stepBeforeTheRun();
            return AxisNotation.of(range.get(), guess).label(v, guess);
        }
        double labelStep = labelStep(runStep);
        laidOut = AxisNotation.of(range.get(), labelStep);
        return laidOut.label(v, labelStep);
    }

    /**
     * How the labels of the ticks laid out last are written ({@link AxisNotation}): after the
     * drawing, those drawn, for the figure to show their multiplier and offset once by the axis.
     */
    AxisNotation notation() {
        if (laidOut == null) {
            double guess = stepBeforeTheRun();
            return AxisNotation.of(range.get(), guess);
        }
        return laidOut;
    }

    /** The step for a value whose run's step is not known yet: the last one laid out, or a guess. */
    private double stepBeforeTheRun() {
        double span = range.get().span();
        // a learnt step wider than half the span (the range grew since) could label both ends alike
        return Double.isNaN(step) || step > span / 2 ? niceStep(span / GUESSED_TICKS) : step;
    }

    /**
     * The step a run of ticks is labelled with: its round value when the difference is one up to
     * the noise of doubles, else the difference itself (whose decimals still tell its ticks apart).
     */
    static double labelStep(double difference) {
        double nice = niceStep(difference);
        return Math.abs(difference / nice - 1) < 1e-6 ? nice : difference;
    }

    /**
     * Takes the step of the ticks just laid out for the labels formatted before a run's step is
     * known; true when it changed (the layout may change with it, so the figure lays out again).
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

    /** {@code v} in plain digits with the decimals of {@code step}; zero is never "−0". */
    static String format(double v, double step) {
        return AxisNotation.PLAIN.label(v, step);
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
