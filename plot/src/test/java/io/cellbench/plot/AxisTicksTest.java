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
    void aRestOfTwoHundredMicrovoltsIsTickedAtRoundVoltages() {
        // was 2.9829713368, 2.9829863368, … : xchart ticked the hidden frame series' points
        List<AxisTicks.Tick> t = ticks(2.98290, 2.98310);
        AxisTicks.check(t, "a rest");
        assertEquals("2.98290", t.getFirst().label());
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
