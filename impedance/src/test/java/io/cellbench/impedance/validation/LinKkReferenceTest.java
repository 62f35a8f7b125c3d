package io.cellbench.impedance.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.ReferenceSpectra;
import org.junit.jupiter.api.Test;

/**
 * impedance.py's Lin-KK tests (impedance/tests/test_validation.py) on its data/Circuit3_EIS_1.z,
 * with the values the README in ../shared/reference/impedance states (numpy isclose: rtol 1e-5,
 * atol 1e-8).
 */
class LinKkReferenceTest {

    private static final double MU = 0.6843821117885378;
    private static final double MU_WITH_CAPACITANCE = 0.6843821117885381;

    private static MeasuredSpectrum circuit3() {
        MeasuredSpectrum s = ReferenceSpectra.zplot("Circuit3_EIS_1.z");
        assertEquals(53, s.size());
        return s;
    }

    @Test
    void cutoffOf069ChoosesTenElements() {
        LinKkResult result = LinKk.test(circuit3(), impedancePy());
        assertEquals(10, result.elements());
        assertClose(MU, result.mu());
    }

    @Test
    void withASeriesCapacitanceTheSame() {
        LinKkResult result = LinKk.test(circuit3(),
                impedancePy().withCapacitance(true));
        assertEquals(10, result.elements());
        assertClose(MU_WITH_CAPACITANCE, result.mu());
        assertTrue(Double.isFinite(result.capacitanceFarad()));
    }

    @Test
    void tenElementsWithoutTheCriterionGiveTheSameMu() {
        LinKkResult result = LinKk.test(circuit3(),
                LinKkOptions.defaults().withFit(LinKkFit.REAL).withCapacitance(true).withElements(10));
        assertEquals(10, result.elements());
        assertClose(MU_WITH_CAPACITANCE, result.mu());
    }

    @Test
    void muOfResistanceSets() {
        assertEquals(0, LinKk.mu(new double[] {1, 2, 3, -3, -2, -1}), 1e-15);
        assertEquals(0.5, LinKk.mu(new double[] {-1, 2, 4, -3, 4, -1}), 1e-15);
    }

    @Test
    void timeConstantsSpanTheAngularFrequencies() {
        double[] omega = {1000, 100, 10, 1, 0.1};
        double[] f = new double[omega.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = omega[i] / (2 * Math.PI);
        }
        assertArrayEquals(new double[] {0.001, 0.1, 10}, LinKk.timeConstants(f, 3), 1e-12);
    }

    @Test
    void residualsAreReportedForEveryPoint() {
        LinKkResult result = LinKk.test(circuit3(), impedancePy());
        assertEquals(53, result.residuals().points().size());
        double max = result.residuals().points().stream()
                .mapToDouble(r -> Math.max(Math.abs(r.real()), Math.abs(r.imag()))).max().orElseThrow();
        assertEquals(max, result.maxResidual(), 0);
        System.out.println(result.verdict());
    }

    /** impedance.py's test: c = 0.69, real fit, its first-M rule. */
    private static LinKkOptions impedancePy() {
        return LinKkOptions.defaults().withFit(LinKkFit.REAL).withCutoff(0.69)
                .withMuRule(LinKkOptions.MuRule.FIRST_BELOW);
    }

    private static void assertClose(double expected, double actual) {
        assertTrue(Math.abs(actual - expected) <= 1e-8 + 1e-5 * Math.abs(expected),
                "μ = " + actual + ", expected " + expected);
    }
}
