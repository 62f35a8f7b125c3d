package io.cellbench.impedance.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each element's formula at known points, and its analytic derivatives against central differences. */
class ElementImpedanceTest {

    private static final double[] OMEGA = {1e-3, 0.7, 31, 4e3, 2e6};

    private static double[] parameters(ElementType type) {
        return switch (type) {
            case R -> new double[] {12};
            case C -> new double[] {3e-5};
            case L -> new double[] {2e-6};
            case La -> new double[] {2e-6, 0.8};
            case CPE -> new double[] {3e-5, 0.85};
            case W -> new double[] {4};
            case Wo, Ws -> new double[] {20, 3};
            case K, G -> new double[] {20, 1e-3};
            case Zarc -> new double[] {20, 1e-3, 0.8};
            case Gs -> new double[] {20, 1e-3, 1.3};
        };
    }

    @ParameterizedTest
    @EnumSource(ElementType.class)
    void derivativesMatchCentralDifferences(ElementType type) {
        double[] p = parameters(type);
        for (double omega : OMEGA) {
            Complex[] dz = new Complex[p.length];
            Complex z = ElementImpedance.evaluate(type, omega, p, 0, dz);
            for (int k = 0; k < p.length; k++) {
                double h = 1e-6 * p[k];
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                Complex numeric = ElementImpedance.evaluate(type, omega, up, 0, null)
                        .subtract(ElementImpedance.evaluate(type, omega, down, 0, null)).divide(2 * h);
                double scale = Math.max(z.norm() / Math.abs(p[k]), dz[k].norm()) + 1e-300;
                assertEquals(numeric.getReal(), dz[k].getReal(), 1e-6 * scale, type + " d/dp" + k + " at ω " + omega);
                assertEquals(numeric.getImaginary(), dz[k].getImaginary(), 1e-6 * scale,
                        type + " d/dp" + k + " at ω " + omega);
            }
        }
    }

    @Test
    void knownValues() {
        double omega = 100;
        // CPE with α = 1 is a capacitor
        assertClose(new Complex(0, -1 / (omega * 1e-3)), ElementImpedance.evaluate(ElementType.CPE, omega,
                new double[] {1e-3, 1}, 0, null));
        // Zarc with γ = 1 is K
        assertClose(ElementImpedance.evaluate(ElementType.K, omega, new double[] {5, 0.01}, 0, null),
                ElementImpedance.evaluate(ElementType.Zarc, omega, new double[] {5, 0.01, 1}, 0, null));
        // finite Warburgs: Ws → Z0 and Wo → capacitive at low frequency; both → W at high frequency
        assertClose(new Complex(20), ElementImpedance.evaluate(ElementType.Ws, 1e-12, new double[] {20, 3}, 0, null));
        Complex open = ElementImpedance.evaluate(ElementType.Wo, 1e-6, new double[] {20, 3}, 0, null);
        assertEquals(-20 / (1e-6 * 3), open.getImaginary(), 1e-3 * 20 / (1e-6 * 3));
        double aw = 20 / Math.sqrt(2 * 3);
        Complex semi = ElementImpedance.evaluate(ElementType.W, 1e5, new double[] {aw}, 0, null);
        assertClose(semi, ElementImpedance.evaluate(ElementType.Ws, 1e5, new double[] {20, 3}, 0, null));
        assertClose(semi, ElementImpedance.evaluate(ElementType.Wo, 1e5, new double[] {20, 3}, 0, null));
        // Gerischer: R at low frequency
        assertClose(new Complex(20), ElementImpedance.evaluate(ElementType.G, 1e-12, new double[] {20, 1e-3}, 0, null));
    }

    private static void assertClose(Complex expected, Complex actual) {
        double tolerance = 1e-9 * Math.max(1, expected.norm());
        assertEquals(expected.getReal(), actual.getReal(), tolerance, "real of " + actual);
        assertEquals(expected.getImaginary(), actual.getImaginary(), tolerance, "imaginary of " + actual);
    }
}
