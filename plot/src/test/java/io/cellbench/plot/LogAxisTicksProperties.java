package io.cellbench.plot;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Any logarithmic axis, as drawn ({@link LogAxisTicks#check}): data from 10⁻⁶ to 10⁶ spanning
 * from a third of a decade to eight decades, on figures from 300 to 3000 pixels a side, on both
 * axes of a log-log panel. Every label is where its value is, no two overlap, and an axis of at
 * most three decades has no stretch without a label longer than the gap from 1 to 2 × 10ⁿ (or,
 * where labels that close would overlap, three labels' lengths). jqwik prints the seed;
 * {@code -Dcellbench.seed} replays it (docs/testing.md).
 */
class LogAxisTicksProperties {

    @Property(tries = 60)
    void everyLogAxisIsLabelledWithoutGapsOrOverlaps(@ForAll @DoubleRange(min = -6, max = 6) double magnitude,
                                                     @ForAll @DoubleRange(min = 0.35, max = 8) double decades,
                                                     @ForAll @IntRange(min = 300, max = 3000) int width,
                                                     @ForAll @IntRange(min = 300, max = 3000) int height) {
        double lo = Math.pow(10, magnitude);
        double hi = lo * Math.pow(10, decades);
        LogAxisTicks.Axes axes = LogAxisTicks.draw(lo, hi, width, height);
        String what = lo + " .. " + hi + " at " + width + "×" + height;
        LogAxisTicks.check(axes.x(), "x " + what);
        LogAxisTicks.check(axes.y(), "y " + what);
    }
}
