package io.cellbench.impedance.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.Seeds;
import java.util.Arrays;
import java.util.Random;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fit's evaluation of a whole sweep at once gives what the {@code Complex} formulas give
 * point by point, values and derivatives, within rounding (its own order of operations, ω^α as
 * e^(α ln ω)), for random parameters across many decades (exponents within their bounds, where
 * a fit keeps them); and with zeros, infinities and NaN
 * among them, both agree on where a value is usable (finite), which is all the fit asks there.
 */
class SweepImpedanceTest {

    /** The project's one seed convention: printed with how to replay it, -Dcellbench.seed overrides. */
    private static final long SEED = Seeds.seed("SweepImpedanceTest");
    private static final double[] SPECIAL = {0, -0.0, Double.POSITIVE_INFINITY, Double.NaN};

    @ParameterizedTest
    @ValueSource(strings = {"L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1", "R0-p(R1,C1)-p(R2-Wo1,CPE2)-La1",
            "p(p(R0,CPE0),R1-p(R2,C2))-K0-Zarc0", "R0-p(G0,Gs0,Ws0)-p(W0,L0)"})
    void sameNumbersAsComplexWithinRounding(String text) {
        Random random = new Random(SEED);
        Circuit circuit = Circuit.parse(text);
        int n = circuit.parameterCount();
        int checked = 0;
        for (int trial = 0; trial < 500; trial++) {
            double[] frequencies = new double[12];
            for (int i = 0; i < frequencies.length; i++) {
                frequencies[i] = Math.exp(random.nextGaussian() * 6);
            }
            SweepImpedance sweep = new SweepImpedance(circuit, frequencies);
            double[] p = new double[n];
            for (int k = 0; k < n; k++) {
                // an exponent within its bounds (0 … 1), as a fit keeps it; anything else across decades
                boolean exponent = circuit.parameters().get(k).kind().upper() == 1;
                p[k] = random.nextInt(20) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
                        : exponent ? random.nextDouble() : Math.exp(random.nextGaussian() * 4) * (k % 3 == 1 ? 1e-3 : 1);
            }
            sweep.evaluate(p, true);
            for (int i = 0; i < frequencies.length; i++) {
                Complex[] dz = new Complex[n];
                Complex z = circuit.impedance(frequencies[i], p, dz);
                String where = Seeds.replay(SEED) + ", " + text + " f=" + frequencies[i] + " p=" + Arrays.toString(p);
                boolean usable = finite(z);
                assertEquals(usable, Double.isFinite(sweep.real()[i]) && Double.isFinite(sweep.imag()[i]),
                        "usable Z " + where);
                if (!usable) {
                    continue;
                }
                assertClose(z, sweep.real()[i], sweep.imag()[i], "Z " + where);
                for (int k = 0; k < n; k++) {
                    double re = sweep.derivativeReal(k)[i];
                    double im = sweep.derivativeImag(k)[i];
                    assertEquals(finite(dz[k]), Double.isFinite(re) && Double.isFinite(im), "usable dZ/dp" + k + " " + where);
                    if (finite(dz[k])) {
                        assertClose(dz[k], re, im, "dZ/dp" + k + " " + where);
                        checked++;
                    }
                }
            }
            sweep.evaluate(p, false);
            Complex z = circuit.impedance(frequencies[0], p);
            if (finite(z)) {
                assertClose(z, sweep.real()[0], sweep.imag()[0], "Z without derivatives");
            }
        }
        assertTrue(checked > 10_000, "derivatives compared: " + checked);
    }

    private static boolean finite(Complex z) {
        return Double.isFinite(z.getReal()) && Double.isFinite(z.getImaginary());
    }

    /** Within 1e-10 of |z| in each part: rounding, where a wrong formula would be off by its size. */
    private static void assertClose(Complex expected, double re, double im, String message) {
        double tolerance = 1e-10 * Math.hypot(expected.getReal(), expected.getImaginary());
        assertEquals(expected.getReal(), re, tolerance, "Re " + message);
        assertEquals(expected.getImaginary(), im, tolerance, "Im " + message);
    }
}
