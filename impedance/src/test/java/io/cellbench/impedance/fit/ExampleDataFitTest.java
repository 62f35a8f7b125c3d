package io.cellbench.impedance.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.ReferenceSpectra;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * impedance.py's fitting test (impedance/tests/test_fitting.py, test_circuit_fit) on its
 * data/exampleData.csv: circuit R0-p(R1,C1)-p(R2-Wo1,C2), the 57 points with Z'' &lt; 0. The
 * expected values are the README's table in ../shared/reference/impedance.
 *
 * <p>Which row is the target: the "local" row (τ = 233 s) is where scipy's trust-region solver
 * stopped on its ftol in a flat valley, not a stationary point: from the same start our fit goes
 * on to a lower χ² at τ = 237.8 s, which is the "bounded" row (2.38e2). The least-squares minimum
 * from impedance.py's guess is therefore the bounded row whether or not bounds are given; the
 * local row differs from it only in τ (by 2 %), and the test shows our χ² is below the local
 * row's. The modulus-weighted row is a separate, well-defined minimum. The "global" row is
 * another basin with a lower χ², stated to 10 %: the automatic guess lands there, and is held
 * to the five parameters that basin determines (R0, R1, C1, R2, C2, within 1 %) and to a χ² no
 * worse than any row's; its Warburg is not determined by these data (the fit says so with a
 * standard error larger than the value).
 */
class ExampleDataFitTest {

    private static final String CIRCUIT = "R0-p(R1,C1)-p(R2-Wo1,C2)";
    private static final String[] NAMES = {"R0", "R1", "C1", "R2", "Wo1_0", "Wo1_1", "C2"};
    private static final double[] GUESS = {0.01, 0.01, 100, 0.01, 0.05, 100, 1};
    private static final double[] BOUNDED = {1.65e-2, 8.68e-3, 3.32, 5.39e-3, 6.31e-2, 2.38e2, 2.20e-1};
    private static final double[] LOCAL = {1.65e-2, 8.68e-3, 3.32, 5.39e-3, 6.31e-2, 2.33e2, 2.20e-1};
    private static final double[] WEIGHTED = {1.64e-2, 9.06e-3, 3.06, 5.29e-3, 1.45e-1, 1.32e3, 2.02e-1};
    private static final double[] GLOBAL = {1.65e-2, 5.34e-3, 0.22, 9.15e-3, 1.31e-1, 1.10e3, 2.78};
    private static final double[] UPPER = {10, 1, 1e3, 1, 1, 1e4, 100};

    private static MeasuredSpectrum data() {
        MeasuredSpectrum all = ReferenceSpectra.exampleData();
        MeasuredSpectrum capacitive = ReferenceSpectra.capacitiveOnly(all);
        assertEquals(66, all.size());
        assertEquals(57, capacitive.size());
        return capacitive;
    }

    private static FitRequest fromReadmeGuess(Weighting weighting) {
        Map<String, Double> guess = new LinkedHashMap<>();
        for (int k = 0; k < NAMES.length; k++) {
            guess.put(NAMES[k], GUESS[k]);
        }
        return FitRequest.of(CIRCUIT).withWeighting(weighting).withGuesses(guess);
    }

    @Test
    void unweightedFitFromTheReadmeGuessReachesTheBoundedRow() {
        FitResult fit = CircuitFitter.fit(data(), fromReadmeGuess(Weighting.UNIT));
        print("unweighted, README guess", fit);
        assertWithin(BOUNDED, fit, 0.01);
        assertTrue(fit.converged());
        double chiOfLocalRow = chiSquare(LOCAL, Weighting.UNIT);
        assertTrue(fit.chiSquare() < chiOfLocalRow,
                "our minimum " + fit.chiSquare() + " is below the 'local' row's " + chiOfLocalRow);
    }

    @Test
    void boundedUnweightedFitMatchesTheBoundedRow() {
        FitRequest request = fromReadmeGuess(Weighting.UNIT);
        for (int k = 0; k < NAMES.length; k++) {
            request = request.withBounds(NAMES[k], 0, UPPER[k]);
        }
        FitResult fit = CircuitFitter.fit(data(), request);
        print("unweighted, bounded, README guess", fit);
        assertWithin(BOUNDED, fit, 0.01);
    }

    @Test
    void modulusWeightedFitMatchesTheWeightedRow() {
        FitResult fit = CircuitFitter.fit(data(), fromReadmeGuess(Weighting.MODULUS));
        print("modulus-weighted, README guess", fit);
        assertWithin(WEIGHTED, fit, 0.01);
    }

    @Test
    void automaticGuessFindsAMinimumAtLeastAsGoodAsImpedancePys() {
        FitResult fit = CircuitFitter.fit(data(), FitRequest.of(CIRCUIT).withWeighting(Weighting.UNIT));
        print("unweighted, automatic guess", fit);
        for (String name : new String[] {"R0", "R1", "C1", "R2", "C2"}) {
            int k = java.util.Arrays.asList(NAMES).indexOf(name);
            assertEquals(GLOBAL[k], fit.value(name), 0.01 * GLOBAL[k], name);
        }
        assertTrue(fit.parameter("Wo1_1").standardError() > fit.value("Wo1_1"));
        assertTrue(fit.chiSquare() <= chiSquare(GLOBAL, Weighting.UNIT));
        double chiOfBoundedRow = chiSquare(BOUNDED, Weighting.UNIT);
        assertTrue(fit.chiSquare() <= chiOfBoundedRow * 1.0001,
                "automatic guess χ² " + fit.chiSquare() + " vs the README rows' best " + chiOfBoundedRow);
    }

    @Test
    void automaticGuessWithModulusWeightingMatchesTheWeightedRowOrBetter() {
        FitResult fit = CircuitFitter.fit(data(), FitRequest.of(CIRCUIT));
        print("modulus-weighted, automatic guess", fit);
        assertEquals(1.64e-2, fit.value("R0"), 0.01 * 1.64e-2);
        assertTrue(fit.chiSquare() <= chiSquare(WEIGHTED, Weighting.MODULUS) * 1.0001);
    }

    private static double chiSquare(double[] values, Weighting weighting) {
        FitRequest request = FitRequest.of(CIRCUIT).withWeighting(weighting);
        for (int k = 0; k < NAMES.length; k++) {
            request = request.withFixed(NAMES[k], values[k]);
        }
        return CircuitFitter.fit(data(), request).chiSquare();
    }

    private static void assertWithin(double[] expected, FitResult fit, double rtol) {
        for (int k = 0; k < NAMES.length; k++) {
            double value = fit.value(NAMES[k]);
            // numpy allclose: |x − e| ≤ atol + rtol·|e|, atol 1e-8 as in impedance.py's test
            assertTrue(Math.abs(value - expected[k]) <= 1e-8 + rtol * Math.abs(expected[k]),
                    NAMES[k] + " = " + value + ", expected " + expected[k] + " within " + rtol * 100 + " %");
        }
    }

    private static void print(String label, FitResult fit) {
        System.out.println(label + ": χ² = " + fit.chiSquare() + ", starts " + fit.starts() + ", evaluations "
                + fit.evaluations());
        fit.parameters().forEach(p -> System.out.printf("  %-6s %12.5g ± %.3g %s%n", p.name(), p.value(),
                p.standardError(), p.unit()));
    }
}
