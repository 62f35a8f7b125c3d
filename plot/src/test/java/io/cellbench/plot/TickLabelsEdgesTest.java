package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Tick labels off the common path: large and tiny spans, non-positive values on log axes, deep exponents. */
class TickLabelsEdgesTest {

    @Test
    void largeValuesAreWrittenOutWithoutAnExponent() {
        // a 2 MΩ span: labels in plain digits, as the axis title carries the unit
        Function<Double, String> f = TickLabels.linear(() -> new AxisRange(0, 2e6, false));
        assertEquals("1500000", f.apply(1.5e6));
        assertEquals("−250000", f.apply(-2.5e5));
    }

    @Test
    void tinyValuesAreSnappedToAMillionthOfTheSpansDecade() {
        // span 1e-3 -> quantum 10^(-3-6) = 1e-9; 2.0000000001e-4 snaps to 2e-4
        Function<Double, String> f = TickLabels.linear(() -> new AxisRange(0, 1e-3, false));
        assertEquals("0.0002", f.apply(2.0000000001e-4));
        // below one quantum is zero, never "−0"
        assertEquals("0", f.apply(-4e-10));
    }

    @Test
    void aLogAxisLabelsNothingAtOrBelowZeroOrBetweenRoundValues() {
        Function<Double, String> f = TickLabels.log(() -> new AxisRange(1, 100, true));
        assertEquals("", f.apply(0.0));
        assertEquals("", f.apply(-10.0));
        assertEquals("", f.apply(Double.NaN));
        // 1.5 is not a whole multiple of its decade
        assertEquals("", f.apply(1.5));
        // two decades: the 1-2-5 steps, in plain numbers
        assertEquals("2", f.apply(2.0));
        assertEquals("5", f.apply(5.0));
        assertEquals("", f.apply(3.0));
    }

    @Test
    void aWideLogAxisLabelsOnlyTheDecadesEvenBelowOne() {
        Function<Double, String> f = TickLabels.log(() -> new AxisRange(1e-3, 1e3, true));
        assertEquals("10⁻³", f.apply(1e-3));
        assertEquals("", f.apply(5e-3));
        assertEquals("", f.apply(2.0));
    }

    @Test
    void aNarrowLogAxisBelowOneWritesPlainDecimals() {
        Function<Double, String> f = TickLabels.log(() -> new AxisRange(0.01, 0.9, true));
        assertEquals("0.02", f.apply(0.02));
        assertEquals("0.5", f.apply(0.5));
        assertEquals("0.1", f.apply(0.1));
    }

    @Test
    void powersOfTenUseSuperscriptDigitsAndMinus() {
        assertEquals("10⁰", TickLabels.power(0));
        assertEquals("10¹²", TickLabels.power(12));
        assertEquals("10⁻¹⁰", TickLabels.power(-10));
    }
}
