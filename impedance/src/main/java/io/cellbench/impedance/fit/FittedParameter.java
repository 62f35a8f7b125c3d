package io.cellbench.impedance.fit;

/**
 * One parameter of a fitted circuit.
 *
 * @param name          impedance.py's name ({@code R0}, {@code CPE1_1})
 * @param element       the element it belongs to ({@code CPE1})
 * @param symbol        R, Q, α, τ, …
 * @param unit          Ω, F, Ω⁻¹·s^α, … ("" for exponents)
 * @param value         the fitted (or fixed) value
 * @param standardError one σ from the Jacobian at the optimum, scaled by the residual
 *                      (as scipy's curve_fit does); 0 for a fixed parameter, ∞ when the data
 *                      cannot determine it
 * @param fixed         true when the user held it constant
 * @param lower         lower bound used
 * @param upper         upper bound used
 * @param atBound       true when the optimum sits on a bound (the model may want an element
 *                      it does not have, or has one too many)
 */
public record FittedParameter(String name, String element, String symbol, String unit, double value,
                              double standardError, boolean fixed, double lower, double upper, boolean atBound) {

    /** σ/|value|, the relative standard error. */
    public double relativeError() {
        return value == 0 ? Double.POSITIVE_INFINITY : standardError / Math.abs(value);
    }
}
