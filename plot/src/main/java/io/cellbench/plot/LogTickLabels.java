package io.cellbench.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tick labels of a logarithmic axis (linear ones: {@link LinearTickLabels}). xchart ticks every
 * whole multiple of each decade (1 … 9 × 10ⁿ) and asks for a label at each; this decides which
 * carry one. Over more than three decades only the decades, as powers of ten (10⁻¹ … 10⁶, as
 * electrochemists label frequency). Over fewer, in plain numbers, the densest of these that
 * leaves no two labels overlapping, as matplotlib's LogFormatter labels sub-decade ticks: every
 * multiple, matplotlib's 1-2-3-4-6, 1-2-3-5, 1-2-5, 1-3, the decades. So the widest stretch
 * without a label is the one from 1 to 2 × 10ⁿ whenever the labels fit (an |Z| axis from 24 to
 * 276 Ω reads 30, 40, 60, 100, 200: with 1-2-5 alone the third below 50 Ω went unlabelled).
 * Decades that would overlap are labelled every 2nd, 3rd, 5th, 10th … one.
 *
 * <p>Whether labels overlap depends on the axis's length in pixels, known once the figure is
 * laid out: {@link #learn} takes it after each of the {@link Figure}'s scratch layouts.
 */
final class LogTickLabels implements Function<Double, String> {
    /** Spans above this many decades are labelled at decades only, as powers of ten. */
    static final double PLAIN_DECADES = 3;
    /** The multiples of each decade that carry a label, densest first. */
    private static final int[][] MULTIPLES = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 6}, {1, 2, 3, 5}, {1, 2, 5},
        {1, 3}, {1}};
    /** Decades between labelled decades, once only decades are labelled. */
    private static final int[] STRIDES = {1, 2, 3, 5, 10, 20, 50, 100};
    /** The axis length assumed before the first layout (the first layout is redone in any case). */
    private static final double GUESSED_PIXELS = 400;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    /** Which ticks carry labels: those at {@link #MULTIPLES}[{@code density}] of every {@code stride}-th decade. */
    record Choice(int density, int stride, boolean powers) {
        /** The label of the tick at {@code v}, or "" for a tick left unlabelled. */
        String label(double v) {
            if (!(v > 0)) {
                return "";
            }
            int exponent = (int) Math.floor(Math.log10(v) + 1e-9);
            double mantissa = v / Math.pow(10, exponent);
            long m = Math.round(mantissa);
            // xchart's ticks are m × 10ⁿ computed in doubles (0.30000000000000004); 10 × 10ⁿ is the next decade
            if (Math.abs(mantissa - m) > 1e-6 * m || Math.floorMod(exponent + (m == 10 ? 1 : 0), stride) != 0) {
                return "";
            }
            if (m == 10) {
                m = 1;
                exponent++;
            }
            if (!labels(m)) {
                return "";
            }
            return powers ? TickLabels.power(exponent)
                    : new BigDecimal(m).scaleByPowerOfTen(exponent).stripTrailingZeros().toPlainString();
        }

        private boolean labels(long m) {
            for (int k : MULTIPLES[density]) {
                if (k == m) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Supplier<AxisRange> range;
    private final Font font;
    private final boolean alongX;
    private double pixels = GUESSED_PIXELS;
    private AxisRange chosenFor;
    private double chosenAt;
    private Choice choice;

    /** Labels of an axis drawn in {@code font}, along x ({@code alongX}) or y. */
    LogTickLabels(Supplier<AxisRange> range, Font font, boolean alongX) {
        this.range = range;
        this.font = font;
        this.alongX = alongX;
    }

    @Override
    public String apply(Double v) {
        return choice().label(v);
    }

    /** Takes the axis's length in pixels from a layout; true when the labels chosen changed with it. */
    boolean learn(double axisPixels) {
        Choice before = choice();
        if (axisPixels > 1) {
            pixels = axisPixels;
        }
        return !choice().equals(before);
    }

    private Choice choice() {
        AxisRange r = range.get();
        if (choice == null || !r.equals(chosenFor) || pixels != chosenAt) {
            choice = choose(r, pixels);
            chosenFor = r;
            chosenAt = pixels;
        }
        return choice;
    }

    /** The densest labelling of {@code r}, {@code axisPixels} long, whose labels do not overlap. */
    Choice choose(AxisRange r, double axisPixels) {
        double decades = Math.log10(r.max()) - Math.log10(r.min());
        boolean powers = decades > PLAIN_DECADES;
        if (!powers) {
            for (int density = 0; density < MULTIPLES.length; density++) {
                Choice c = new Choice(density, 1, false);
                if (fits(c, r, axisPixels)) {
                    return c;
                }
            }
        }
        for (int stride : STRIDES) {
            Choice c = new Choice(MULTIPLES.length - 1, stride, powers);
            if (fits(c, r, axisPixels)) {
                return c;
            }
        }
        return new Choice(MULTIPLES.length - 1, STRIDES[STRIDES.length - 1], powers);
    }

    /** Whether every two neighbouring labels on the axis are apart by their half-lengths and a gap. */
    private boolean fits(Choice c, AxisRange r, double axisPixels) {
        double lo = Math.log10(r.min());
        double perDecade = axisPixels / (Math.log10(r.max()) - lo);
        double before = Double.NaN;
        double beforeHalf = 0;
        for (double v : ticks(r)) {
            String label = c.label(v);
            if (label.isEmpty()) {
                continue;
            }
            double at = (Math.log10(v) - lo) * perDecade;
            double half = extent(label) / 2;
            if (!Double.isNaN(before) && at - before < beforeHalf + half + space()) {
                return false;
            }
            before = at;
            beforeHalf = half;
        }
        return true;
    }

    /** The whole multiples of each decade on the axis, as xchart ticks them. */
    private static List<Double> ticks(AxisRange r) {
        List<Double> out = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(r.min()));
        int last = (int) Math.ceil(Math.log10(r.max()));
        for (int e = first; e <= last; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v >= r.min() && v <= r.max()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** A label's length along the axis: its width on x, the font's line height on y. */
    private double extent(String label) {
        if (alongX) {
            return font.getStringBounds(label, MEASURE).getWidth();
        }
        var metrics = font.getLineMetrics(label, MEASURE);
        return metrics.getAscent() + metrics.getDescent();
    }

    /** Free space between two labels: half an em across (x), a fifth of one up (y). */
    private double space() {
        return font.getSize2D() * (alongX ? 0.5 : 0.2);
    }
}
