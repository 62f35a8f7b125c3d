package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TickLabelsTest {

    @Test
    void linearLabelsCarryTheStepsDecimalsAndATrueMinus() {
        assertEquals("−8", LinearTickLabels.format(-8.0, 2));
        assertEquals("0", LinearTickLabels.format(1e-16, 2));
        assertEquals("2.5", LinearTickLabels.format(2.5000000000000004, 0.5));
        assertEquals("−8.0", LinearTickLabels.format(-8.0, 0.5), "every label of the axis has one decimal");
        assertEquals("1.705", LinearTickLabels.format(1.7050000000000003, 0.005));
        assertEquals("1.700", LinearTickLabels.format(1.7, 0.005));
        // xchart's BigDecimal sums come back as the nearest double: 2.98295 is 2.98294999…
        assertEquals("2.98295", LinearTickLabels.format(2.98295, 5e-5));
        assertEquals("2.98290", LinearTickLabels.format(2.9829, 5e-5));
    }

    /** The labels of a y axis over {@code r}, {@code pixels} long, in the default figure's tick font. */
    static Function<Double, String> logLabels(AxisRange r, double pixels) {
        LogTickLabels labels = new LogTickLabels(() -> r, new Style(1).tickFont(), false);
        labels.learn(pixels);
        return labels;
    }

    @Test
    void wideLogAxesLabelDecadesAsPowersOfTen() {
        Function<Double, String> f = logLabels(new AxisRange(0.08, 1.2e6, true), 500);
        assertEquals("10⁻¹", f.apply(0.1));
        assertEquals("10⁰", f.apply(1.0));
        assertEquals("10⁶", f.apply(1e6));
        assertEquals("", f.apply(2e3));
    }

    @Test
    void narrowLogAxesLabelAsManyMultiplesAsFit() {
        // the demo's Bode |Z| axis, 270 px tall: matplotlib's 1-2-3-4-6 (it was 1-2-5, nothing below 50)
        Function<Double, String> f = logLabels(new AxisRange(25, 280, true), 270);
        assertEquals("30", f.apply(30.000000000000004));
        assertEquals("40", f.apply(40.0));
        assertEquals("60", f.apply(60.0));
        assertEquals("100", f.apply(100.0));
        assertEquals("200", f.apply(200.0));
        assertEquals("", f.apply(50.0));
        assertEquals("", f.apply(70.0));
        // four times as tall: every multiple
        assertEquals("70", logLabels(new AxisRange(25, 280, true), 1080).apply(70.0));
        // a third as tall: 1-2-5, then 1-3 and the decades as the axis shrinks
        assertEquals("50", logLabels(new AxisRange(25, 280, true), 90).apply(50.0));
        assertEquals("", logLabels(new AxisRange(25, 280, true), 90).apply(30.0));
        assertEquals("", logLabels(new AxisRange(25, 280, true), 40).apply(50.0));
    }

    @Test
    void decadesThatWouldOverlapAreLabelledEveryFewDecades() {
        Function<Double, String> f = logLabels(new AxisRange(1e-9, 1e9, true), 100);
        assertEquals("10⁰", f.apply(1.0));
        assertEquals("", f.apply(10.0));
    }
}
