package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TickLabelsTest {

    @Test
    void linearLabelsAreShortAndUseATrueMinus() {
        Function<Double, String> f = TickLabels.linear(() -> new AxisRange(-8.5, 8.5, false));
        assertEquals("−8", f.apply(-8.0));
        assertEquals("0", f.apply(1e-16));
        assertEquals("2.5", f.apply(2.5000000000000004));
        Function<Double, String> fine = TickLabels.linear(() -> new AxisRange(1.70, 1.72, false));
        assertEquals("1.705", fine.apply(1.7050000000000003));
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
