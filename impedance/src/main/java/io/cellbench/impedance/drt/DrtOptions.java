package io.cellbench.impedance.drt;

import io.cellbench.impedance.fit.Weighting;

/**
 * Settings of the DRT.
 *
 * @param pointsPerDecade  density of the τ grid (and of the Gaussians on it)
 * @param extendDecades    how far the τ grid reaches beyond 1/(2π f_max) … 1/(2π f_min) on each side,
 *                         so a relaxation at the edge of the sweep is not cut in half
 * @param fwhmCoefficient  each Gaussian's full width at half maximum is the grid spacing divided by
 *                         this (pyDRTtools' "FWHM coefficient"; 0.5: twice the spacing)
 * @param weighting        UNIT for constant absolute noise (pyDRTtools' default), MODULUS for noise
 *                         proportional to |Z| (most analysers)
 * @param inductance       fit a series inductance L alongside R∞ (cables, leads)
 * @param lambdaRule       how λ is chosen when {@code lambda} is NaN
 * @param lambda           the regularisation parameter, or NaN to choose it by {@code lambdaRule}
 */
public record DrtOptions(int pointsPerDecade, double extendDecades, double fwhmCoefficient, Weighting weighting,
                         boolean inductance, LambdaRule lambdaRule, double lambda) {

    /**
     * How λ is chosen. The L-curve is the default: on pyDRTtools' noisy two-ZARC spectra GCV
     * picks λ ≈ 1e-3, under-smooths, and moves the slow peak 12 % off its τ (pyDRTtools' own GCV
     * result has it at ≈ 0.089 s too), while the L-curve's corner (λ ≈ 0.2) recovers both peaks
     * within 4 % in τ and 1.5 % in R.
     */
    public enum LambdaRule { L_CURVE, GCV }

    public DrtOptions {
        if (pointsPerDecade < 2 || pointsPerDecade > 40) {
            throw new IllegalArgumentException("the DRT needs 2 to 40 points per decade of τ, got " + pointsPerDecade);
        }
        if (!(extendDecades >= 0 && extendDecades <= 3)) {
            throw new IllegalArgumentException("extendDecades must lie in [0, 3], got " + extendDecades);
        }
        if (!(fwhmCoefficient > 0)) {
            throw new IllegalArgumentException("the FWHM coefficient must be > 0, got " + fwhmCoefficient);
        }
        if (!Double.isNaN(lambda) && !(lambda > 0)) {
            throw new IllegalArgumentException("λ must be > 0 (or NaN for GCV), got " + lambda);
        }
        java.util.Objects.requireNonNull(lambdaRule, "lambdaRule");
        if (weighting == Weighting.PROPORTIONAL) {
            throw new IllegalArgumentException("the DRT takes UNIT or MODULUS weighting");
        }
    }

    /** 10 per decade, half a decade beyond the sweep, FWHM coefficient 0.5, modulus weighting, L fitted, λ by the L-curve. */
    public static DrtOptions defaults() {
        return new DrtOptions(10, 0.5, 0.5, Weighting.MODULUS, true, LambdaRule.L_CURVE, Double.NaN);
    }

    public DrtOptions withLambdaRule(LambdaRule value) {
        return new DrtOptions(pointsPerDecade, extendDecades, fwhmCoefficient, weighting, inductance, value, Double.NaN);
    }

    public DrtOptions withWeighting(Weighting value) {
        return new DrtOptions(pointsPerDecade, extendDecades, fwhmCoefficient, value, inductance, lambdaRule, lambda);
    }

    public DrtOptions withInductance(boolean value) {
        return new DrtOptions(pointsPerDecade, extendDecades, fwhmCoefficient, weighting, value, lambdaRule, lambda);
    }

    public DrtOptions withLambda(double value) {
        return new DrtOptions(pointsPerDecade, extendDecades, fwhmCoefficient, weighting, inductance, lambdaRule, value);
    }
}
