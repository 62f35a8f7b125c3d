package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Any linear axis, as drawn: data from ±10⁻⁹ to ±10⁹, spans from a hundred-thousandth of the
 * values to several times them (across zero), constant ones, figures from 300 to 3000 pixels.
 * Both axes pass {@link AxisTicks#check}: distinct labels of at most 8 characters and 5
 * significant digits (a multiplier or an offset, {@link AxisNotation}, where plain numbers would be
 * longer), one number of decimals, a true minus, 1-2-5 steps, each label × the multiplier + the
 * offset within half a step of its tick; the multiplier and offset shown once beside their axis. jqwik
 * prints the seed; {@code -Dcellbench.seed} replays it (docs/testing.md).
 */
class AxisTicksProperties {

    /** Figures narrower than this may show a single x label (docs/plots.md). */
    private static final int NARROW = 360;

    @Property(tries = 80)
    void everyLinearAxisIsLabelledReadably(@ForAll @DoubleRange(min = -9, max = 9) double magnitude,
                                           @ForAll @DoubleRange(min = -5, max = 0.7) double relativeSpan,
                                           @ForAll @DoubleRange(min = -1, max = 1) double where,
                                           @ForAll boolean constant,
                                           @ForAll @IntRange(min = 300, max = 3000) int width,
                                           @ForAll @IntRange(min = 300, max = 3000) int height) {
        double size = Math.pow(10, magnitude);
        // where = 0 centres the data on zero, ±1 puts it all on one side
        double centre = where * size;
        double span = constant ? 0 : Math.pow(10, relativeSpan) * size;
        double lo = centre - span / 2;
        double hi = centre + span / 2;
        // the same span on both axes: x labels are checked for fit by xchart, y labels are not
        AxisTicks.Axes axes = AxisTicks.ticks(lo, hi, lo, hi, width, height);
        String what = lo + " .. " + hi + " at " + width + "×" + height;
        if (width < NARROW && axes.x().size() == 1) {
            // the known limit of docs/plots.md ("Axes and tick labels"): on a figure under ~350 px
            // wide, labels of eight or more characters can leave one tick on the x axis, because
            // the ticks are spaced so that labels do not overlap; that one label must still be
            // its tick's value
            AxisTicks.Tick only = axes.x().getFirst();
            // within the axis drawn: the data's span, or ±5 % of a constant (±1 around zero)
            double axis = Math.max(hi - lo, 0.1 * Math.max(Math.abs(lo), Math.abs(hi)));
            assertEquals(only.valueThere(), only.parsed(), axis > 0 ? axis : 2,
                    "x " + what + ": the single label " + only.label() + " is where its value is");
        } else {
            AxisTicks.check(axes.x(), "x " + what);
        }
        AxisTicks.check(axes.y(), "y " + what);
        axes.checkNotationShown(what);
    }
}
