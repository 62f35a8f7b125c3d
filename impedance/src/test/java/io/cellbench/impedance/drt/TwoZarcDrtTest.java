package io.cellbench.impedance.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.ReferenceSpectra;
import io.cellbench.impedance.fit.Weighting;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pyDRTtools' synthetic spectra with two ZARCs of R = 50 Ω each (R∞ = 10 Ω, φ = 0.8,
 * τ1 = 0.1 s, τ2 = 1e-4 s, white noise 0.5 Ω on each part): per the README in
 * ../shared/reference/impedance these are 2ZARCs/2XZARCequal.csv and 2ZARC3.csv (the 2ZARC*
 * files were made with R_ct,1 = 10, 20, 30, 50, 100, 200 Ω, so only 2ZARC3 has 50 Ω twice).
 * The noise is absolute, so the residuals are unweighted, as in pyDRTtools' tutorial.
 */
class TwoZarcDrtTest {

    private static final DrtOptions UNWEIGHTED = DrtOptions.defaults().withWeighting(Weighting.UNIT);

    /** The default λ (L-curve): both peaks within 10 % in τ, their resistances within 5 %, and nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"data/2ZARCs/2XZARCequal.csv", "data/2ZARC3.csv"})
    void findsBothRelaxations(String file) {
        DrtResult drt = DrtAnalysis.analyse(ReferenceSpectra.pyDrtTools(file), UNWEIGHTED);
        print(file, drt);
        assertEquals(2, drt.peaks().size(), drt.peaks().toString());
        assertPeaks(drt.peaks(), 0.10, 0.05);
        assertEquals(10, drt.rInfinityOhm(), 0.6, "R∞");
        assertEquals(100, drt.polarisationOhm(), 2, "R_pol");
    }

    /**
     * GCV, pyDRTtools' choice, under-smooths these spectra (λ ≈ 1e-3): small spurious peaks
     * appear between and beside the two (pyDRTtools' own GCV result shows them too) and the slow
     * peak sits near 0.088 s, as in pyDRTtools' result (≈ 0.089 s). The two largest peaks are still
     * the two relaxations, within 15 % in τ and 5 % in R.
     */
    @ParameterizedTest
    @ValueSource(strings = {"data/2ZARCs/2XZARCequal.csv", "data/2ZARC3.csv"})
    void gcvFindsTheTwoLargestPeaksLessPrecisely(String file) {
        DrtResult drt = DrtAnalysis.analyse(ReferenceSpectra.pyDrtTools(file),
                UNWEIGHTED.withLambdaRule(DrtOptions.LambdaRule.GCV));
        print(file + " (GCV)", drt);
        List<DrtResult.Peak> largest = drt.peaks().stream()
                .sorted(Comparator.comparingDouble(DrtResult.Peak::resistanceOhm).reversed()).limit(2)
                .sorted(Comparator.comparingDouble(DrtResult.Peak::tauSecond)).toList();
        assertPeaks(largest, 0.15, 0.05);
        assertTrue(drt.lambda() < 0.01, "GCV's λ " + drt.lambda());
    }

    private static void assertPeaks(List<DrtResult.Peak> peaks, double tauTolerance, double resistanceTolerance) {
        DrtResult.Peak fast = peaks.get(0);
        DrtResult.Peak slow = peaks.get(1);
        assertEquals(1e-4, fast.tauSecond(), tauTolerance * 1e-4, "fast τ");
        assertEquals(0.1, slow.tauSecond(), tauTolerance * 0.1, "slow τ");
        assertEquals(50, fast.resistanceOhm(), resistanceTolerance * 50, "fast R");
        assertEquals(50, slow.resistanceOhm(), resistanceTolerance * 50, "slow R");
    }

    static void print(String label, DrtResult drt) {
        System.out.printf("%s: λ = %.3g (%s), R∞ = %.3f Ω, L = %.3g H, R_pol = %.2f Ω, rms %.4f%n", label,
                drt.lambda(), drt.lambdaRule(), drt.rInfinityOhm(), drt.inductanceHenry(), drt.polarisationOhm(),
                drt.rmsRelativeResidual());
        drt.peaks().forEach(p -> System.out.printf("  τ = %.4g s, R = %.3f Ω%n", p.tauSecond(), p.resistanceOhm()));
    }
}
