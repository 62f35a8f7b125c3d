package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Linear axes as drawn, on the spans that broke them: a rest (a cell at 2.9830 V, 200 µV of
 * drift), huge values, tiny values near zero, negative ranges, a constant series.
 */
class AxisTicksTest {

    private static List<AxisTicks.Tick> ticks(double lo, double hi) {
        List<AxisTicks.Tick> t = AxisTicks.yTicks(lo, hi, 1000, 700);
        System.out.println(lo + " .. " + hi + ": " + t.stream().map(AxisTicks.Tick::label).toList());
        return t;
    }

    @Test
    void aRestOfTwoHundredMicrovoltsIsTickedAtRoundVoltagesWrittenFromAnOffset() {
        // was 2.9829713368, 2.9829863368, … : xchart ticked the hidden frame series' points; then
        // 2.98290, 2.98292 … 2.98310, six digits each of which only the last two change
        List<AxisTicks.Tick> t = ticks(2.98290, 2.98310);
        AxisTicks.check(t, "a rest");
        assertEquals("−1.0", t.getFirst().label());
        assertEquals("×10⁻⁴ + 2.983 V", t.getFirst().notation().text("V"));
    }

    @Test
    void otherSpansAreTickedAsReadably() {
        AxisTicks.check(ticks(2.98290, 2.98310 + 1e-4), "300 µV");
        AxisTicks.check(ticks(2.5, 4.3), "a cycle's voltage");
        AxisTicks.check(ticks(1.2e9, 1.6e9), "huge values");
        AxisTicks.check(ticks(-3e-9, 4e-9), "nanoamps around zero");
        AxisTicks.check(ticks(-42.5, -41.9), "a negative range");
        AxisTicks.check(ticks(-2e-3, -1.5e-3), "negative milliamps");
        AxisTicks.check(ticks(0.5e-6, 0.5e-6 + 2e-10), "a tiny span away from zero");
    }

    @Test
    void aBillionIsWrittenWithAMultiplier() {
        // was 1200000000, 1210000000 … 1300000000
        AxisTicks.Axes axes = AxisTicks.ticks(0, 2, 1.2e9, 1.3e9, 1000, 700);
        axes.checkNotationShown("1.25e9");
        List<AxisTicks.Tick> t = axes.y();
        AxisTicks.check(t, "1.25e9");
        assertEquals("1.20", t.getFirst().label());
        assertEquals("×10⁹", t.getFirst().notation().text("Ω"), "no offset, so no unit beside the multiplier");
    }

    @Test
    void nanoampsAroundZeroAreWholeNumbersOfAMultiplier() {
        // were −0.000000003 … 0.000000004
        List<AxisTicks.Tick> t = ticks(-3e-9, 4e-9);
        AxisTicks.check(t, "nanoamps");
        assertEquals("×10⁻⁹", t.getFirst().notation().text("A"));
    }

    @Test
    void shortLabelsStayPlain() {
        for (double[] r : new double[][] {{2.5, 4.3}, {-42.5, -41.9}, {0, 1_500_000}, {25.000, 25.010}, {-2e-3, -1e-3}}) {
            List<AxisTicks.Tick> t = ticks(r[0], r[1]);
            AxisTicks.check(t, r[0] + ".." + r[1]);
            assertEquals(AxisNotation.PLAIN, t.getFirst().notation(), r[0] + ".." + r[1] + " " + t);
        }
    }

    @Test
    void aConstantSeriesStillGetsRoundTicks() {
        AxisTicks.check(ticks(2.9830, 2.9830), "a constant voltage");
        AxisTicks.check(ticks(0, 0), "a constant zero current");
        AxisTicks.check(ticks(-60, -60), "a constant negative value");
    }

    @Test
    void aNarrowXAxisOfATallFigureCarriesTheDecimalsOfItsDrawnStep() {
        // AxisTicksProperties' seed 5220314268543787703: ticks every 0.005 labelled with the
        // decimals of 0.01 (−0.02, −0.01, −0.01, −0.01, 0.00 …)
        double half = 0.019009469816028062;
        AxisTicks.Axes axes = AxisTicks.ticks(-half, half, -half, half, 355, 1714);
        System.out.println("x ±" + half + " at 355×1714: " + axes.x().stream().map(AxisTicks.Tick::label).toList());
        AxisTicks.check(axes.x(), "x");
        AxisTicks.check(axes.y(), "y");
    }
}
