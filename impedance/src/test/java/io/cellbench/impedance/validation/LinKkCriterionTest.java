package io.cellbench.impedance.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.ReferenceSpectra;
import org.junit.jupiter.api.Test;

/**
 * The μ criterion with its default c = 0.85 on impedance.py's Circuit3_EIS_1.z, a valid spectrum
 * (impedance.py's own test passes it): μ is not monotonic in M and dips to 0.74 at M = 5 while the
 * model still misses the data by 29 %, so stopping at the first M with μ ≤ c raised a false alarm.
 */
class LinKkCriterionTest {

    private static final MeasuredSpectrum CIRCUIT3 = ReferenceSpectra.zplot("Circuit3_EIS_1.z");

    @Test
    void anEarlyDipOfMuDoesNotStopTheSearch() {
        LinKkResult result = LinKk.test(CIRCUIT3, LinKkOptions.defaults());
        System.out.println(result.verdict());
        assertTrue(result.passed(), result.verdict());
        assertTrue(result.mu() <= LinKkOptions.DEFAULT_CUTOFF, result.verdict());
        assertTrue(result.rmsResidual() < 0.005, result.verdict());
    }

    @Test
    void theFirstBelowRuleStillStopsThereAsImpedancePyDoes() {
        LinKkResult result = LinKk.test(CIRCUIT3,
                LinKkOptions.defaults().withMuRule(LinKkOptions.MuRule.FIRST_BELOW));
        assertEquals(5, result.elements());
        assertFalse(result.passed(), result.verdict());
    }
}
