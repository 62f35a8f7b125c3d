package io.cellbench.impedance.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to fit: a circuit string and, optionally, the weighting, a user's initial guesses,
 * parameters fixed to a value (constants), and bounds that replace an element's defaults. Keys
 * are impedance.py's parameter names ({@code R0}, {@code CPE1_1}). Parameters without a guess
 * are guessed from the spectrum itself.
 */
public record FitRequest(String circuit, Weighting weighting, Map<String, Double> initialGuess,
                         Map<String, Double> fixed, Map<String, Bounds> bounds) {

    public FitRequest {
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(weighting, "weighting");
        initialGuess = Map.copyOf(initialGuess);
        fixed = Map.copyOf(fixed);
        bounds = Map.copyOf(bounds);
    }

    /** The circuit with modulus weighting, automatic guesses, no constants and the default bounds. */
    public static FitRequest of(String circuit) {
        return new FitRequest(circuit, Weighting.MODULUS, Map.of(), Map.of(), Map.of());
    }

    public FitRequest withWeighting(Weighting value) {
        return new FitRequest(circuit, value, initialGuess, fixed, bounds);
    }

    public FitRequest withGuess(String parameter, double value) {
        return new FitRequest(circuit, weighting, put(initialGuess, parameter, value), fixed, bounds);
    }

    /** All guesses at once, in the circuit's parameter order (impedance.py's {@code initial_guess}). */
    public FitRequest withGuesses(Map<String, Double> values) {
        Map<String, Double> all = new LinkedHashMap<>(initialGuess);
        all.putAll(values);
        return new FitRequest(circuit, weighting, all, fixed, bounds);
    }

    public FitRequest withFixed(String parameter, double value) {
        return new FitRequest(circuit, weighting, initialGuess, put(fixed, parameter, value), bounds);
    }

    public FitRequest withBounds(String parameter, double lower, double upper) {
        Map<String, Bounds> all = new LinkedHashMap<>(bounds);
        all.put(parameter, new Bounds(lower, upper));
        return new FitRequest(circuit, weighting, initialGuess, fixed, all);
    }

    private static Map<String, Double> put(Map<String, Double> map, String key, double value) {
        Map<String, Double> all = new LinkedHashMap<>(map);
        all.put(key, value);
        return all;
    }
}
