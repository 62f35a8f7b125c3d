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

    @Test
    void wideLogAxesLabelDecadesAsPowersOfTen() {
        Function<Double, String> f = TickLabels.log(() -> new AxisRange(0.08, 1.2e6, true));
        assertEquals("10⁻¹", f.apply(0.1));
        assertEquals("10⁰", f.apply(1.0));
        assertEquals("10⁶", f.apply(1e6));
        assertEquals("", f.apply(2e3));
    }

    @Test
    void narrowLogAxesLabelOneTwoFive() {
        Function<Double, String> f = TickLabels.log(() -> new AxisRange(25, 280, true));
        assertEquals("50", f.apply(50.000000000000014));
        assertEquals("100", f.apply(100.0));
        assertEquals("200", f.apply(200.0));
        assertEquals("", f.apply(30.0));
        assertEquals("", f.apply(70.0));
    }
}
