package io.cellbench.impedance.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.testing.Seeds;
import java.util.Random;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fit's allocation-free evaluation gives exactly (bit for bit) what the {@code Complex} one
 * gives, values and derivatives, for random parameters — including zeros, infinities and NaN,
 * where both must agree on what the fit may not use.
 */
class PartsEvaluationTest {

    /** The project's one seed convention: printed with how to replay it, -Dcellbench.seed overrides. */
    private static final long SEED = Seeds.seed("PartsEvaluationTest");

    @ParameterizedTest
    @ValueSource(strings = {"L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1", "R0-p(R1,C1)-p(R2-Wo1,CPE2)-La1",
            "p(p(R0,CPE0),R1-p(R2,C2))-K0-Zarc0", "R0-p(G0,Gs0,Ws0)-p(W0,L0)"})
    void sameNumbersAsComplex(String text) {
        Random random = new Random(SEED);
        Circuit circuit = Circuit.parse(text);
        int n = circuit.parameterCount();
        double[] zRe = new double[circuit.workspaceLength()];
        double[] zIm = new double[zRe.length];
        double[] dzRe = new double[n];
        double[] dzIm = new double[n];
        double[] special = {0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, 1e-300, 1e300};
        for (int trial = 0; trial < 2000; trial++) {
            double[] p = new double[n];
            for (int k = 0; k < n; k++) {
                p[k] = random.nextInt(20) == 0 ? special[random.nextInt(special.length)]
                        : Math.exp(random.nextGaussian() * 4) * (k % 3 == 1 ? 1e-3 : 1);
            }
            double f = Math.exp(random.nextGaussian() * 6);
            Complex[] dz = new Complex[n];
            Complex z = circuit.impedance(f, p, dz);
            circuit.impedance(f, p, zRe, zIm, dzRe, dzIm);
            String where = Seeds.replay(SEED) + ", " + text + " f=" + f + " p=" + java.util.Arrays.toString(p);
            boolean usable = Double.isFinite(z.getReal()) && Double.isFinite(z.getImaginary());
            // the fit uses Z only if both parts are finite: where they are not, only that must agree
            assertEquals(usable, Double.isFinite(zRe[0]) && Double.isFinite(zIm[0]), "usable Z " + where);
            if (usable) {
                assertSame(z.getReal(), zRe[0], "Re Z " + where);
                assertSame(z.getImaginary(), zIm[0], "Im Z " + where);
            }
            for (int k = 0; k < n && usable; k++) {
                // the fit uses a derivative only if it is finite: where it is not, only that must agree
                if (Double.isFinite(dz[k].getReal()) && Double.isFinite(dz[k].getImaginary())) {
                    assertSame(dz[k].getReal(), dzRe[k], "Re dZ/dp" + k + " " + where);
                    assertSame(dz[k].getImaginary(), dzIm[k], "Im dZ/dp" + k + " " + where);
                } else {
                    assertEquals(false, Double.isFinite(dzRe[k]) && Double.isFinite(dzIm[k]), "dZ/dp" + k + " " + where);
                }
            }
            circuit.impedance(f, p, zRe, zIm, null, null);
            if (usable) {
                assertSame(z.getReal(), zRe[0], "Re Z without derivatives " + where);
            }
        }
    }

    /** Same value, or both non-finite (the fit treats every non-finite Z alike). */
    private static void assertSame(double expected, double actual, String message) {
        if (Double.isFinite(expected) || Double.isFinite(actual)) {
            assertEquals(expected, actual, 0.0, message);
        }
    }
}
