package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Tick labels off the common path: large and tiny spans, non-positive values on log axes, deep exponents. */
class TickLabelsEdgesTest {

    @Test
    void plainLabelsAreWrittenOutUpToSevenCharactersThenWithAMultiplier() {
        // a 2 MΩ span: labels in plain digits, as the axis title carries the unit
        assertEquals("1500000", LinearTickLabels.format(1.5e6, 5e5));
        assertEquals("−250000", LinearTickLabels.format(-2.5e5, 5e4));
        assertEquals(AxisNotation.PLAIN, AxisNotation.of(new AxisRange(0, 2e6, false), 5e5));
        // 1250000000 would be ten characters
        AxisNotation billions = AxisNotation.of(new AxisRange(1.2e9, 1.6e9, false), 5e7);
        assertEquals(new AxisNotation(9, java.math.BigDecimal.ZERO), billions);
        assertEquals("1.25", billions.label(1.25e9, 5e7));
        assertEquals(1.25e9, billions.value(1.25));
    }

    @Test
    void manyRepeatedDigitsAreWrittenFromAnOffset() {
        AxisNotation pressure = AxisNotation.of(new AxisRange(-42.500_02, -42.499_98, false), 5e-6);
        assertEquals("×10⁻⁵ − 42.5 MPa", pressure.text("MPa"));
        assertEquals("−0.5", pressure.label(-42.500_005, 5e-6));
        assertEquals(-42.500_005, pressure.value(-0.5), 1e-12);
        assertEquals("+ 1000000", AxisNotation.of(new AxisRange(1e6 - 0.4, 1e6 + 0.4, false), 0.1).text(""));
    }

    @Test
    void tinyValuesKeepTheStepsDecimalsAndZeroHasNoSign() {
        assertEquals("0.00020", LinearTickLabels.format(2.0000000001e-4, 5e-5));
        assertEquals("0.00000", LinearTickLabels.format(-4e-10, 5e-5), "never −0");
        assertEquals("−0.000000003", LinearTickLabels.format(-3.0000000000000004e-9, 1e-9));
    }

    @Test
    void aStepIsTheNearestOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(5e-5, LinearTickLabels.niceStep(5.0000000000000002e-5));
        assertEquals(2e-5, LinearTickLabels.niceStep(1.9999999999e-5));
        assertEquals(10, LinearTickLabels.niceStep(9.99));
        assertEquals(1, LinearTickLabels.niceStep(0), "no step: one");
        assertEquals(1, LinearTickLabels.niceStep(Double.NaN));
    }

    @Test
    void theStepIsLearntFromTheLastRisingRunOfTicksLaidOut() {
        // a rest at 2.983 V: labels in 10⁻⁴ V from 2.983 V (AxisNotation), with the step's decimals
        LinearTickLabels labels = new LinearTickLabels(() -> new AxisRange(2.98288, 2.98312, false));
        // before a layout, a guess of about twenty ticks: 0.00024 / 20 = 1.2e-5 -> 1e-5
        assertEquals("−1.0", labels.apply(2.9829));
        // xchart tries 2 µV steps, then (labels too close) 5 µV ones, and draws those
        for (double v : new double[] {2.98288, 2.9829, 2.98292}) {
            labels.apply(v);
        }
        for (double v : new double[] {2.98285, 2.98290000000003, 2.98295}) {
            labels.apply(v);
        }
        assertEquals("×10⁻⁴ + 2.983 V", labels.notation().text("V"), "the notation of the ticks laid out last");
        assertTrue(labels.learn(), "a step was learnt");
        assertEquals("−1.0", labels.apply(2.9829));
        assertEquals("−0.5", labels.apply(2.98295));
        assertFalse(labels.learn(), "the same step again");
        // the next layout's xchart takes 100 µV steps: five digits, short enough to be plain
        labels.apply(2.9828);
        labels.apply(2.9829);
        assertTrue(labels.learn());
        assertEquals("2.9829", labels.apply(2.9829));
    }

    @Test
    void ticksFinerThanTheLearntStepCarryTheirOwnDecimals() {
        // xchart does not refuse equal labels from a formatting function, and the step it draws
        // can differ from the one laid out before (0.01 learnt, 0.005 drawn)
        LinearTickLabels labels = new LinearTickLabels(() -> new AxisRange(-0.0205, 0.0205, false));
        for (double v : new double[] {-0.03, -0.02, -0.01}) {
            labels.apply(v);
        }
        assertTrue(labels.learn());
        List<String> drawn = new ArrayList<>();
        for (double v : new double[] {-0.025, -0.02, -0.015, -0.01, -0.005, 0.0, 0.005}) {
            drawn.add(labels.apply(v));
        }
        assertEquals(List.of("−0.03", "−0.020", "−0.015", "−0.010", "−0.005", "0.000", "0.005"), drawn,
                "the tick below the axis (never drawn) has the learnt step's decimals, the rest their run's");
    }

    @Test
    void aLogAxisLabelsNothingAtOrBelowZeroOrBetweenRoundValues() {
        Function<Double, String> f = TickLabelsTest.logLabels(new AxisRange(1, 100, true), 200);
        assertEquals("", f.apply(0.0));
        assertEquals("", f.apply(-10.0));
        assertEquals("", f.apply(Double.NaN));
        // 1.5 is not a whole multiple of its decade
        assertEquals("", f.apply(1.5));
        // two decades on 200 px: the 1-2-5 steps, in plain numbers
        assertEquals("2", f.apply(2.0));
        assertEquals("5", f.apply(5.0));
        assertEquals("", f.apply(3.0));
    }

    @Test
    void aWideLogAxisLabelsOnlyTheDecadesEvenBelowOne() {
        Function<Double, String> f = TickLabelsTest.logLabels(new AxisRange(1e-3, 1e3, true), 500);
        assertEquals("10⁻³", f.apply(1e-3));
        assertEquals("", f.apply(5e-3));
        assertEquals("", f.apply(2.0));
    }

    @Test
    void aNarrowLogAxisBelowOneWritesPlainDecimals() {
        Function<Double, String> f = TickLabelsTest.logLabels(new AxisRange(0.01, 0.9, true), 500);
        assertEquals("0.02", f.apply(0.02));
        assertEquals("0.3", f.apply(0.3));
        assertEquals("0.1", f.apply(0.1));
    }

    @Test
    void powersOfTenUseSuperscriptDigitsAndMinus() {
        assertEquals("10⁰", TickLabels.power(0));
        assertEquals("10¹²", TickLabels.power(12));
        assertEquals("10⁻¹⁰", TickLabels.power(-10));
    }
}
