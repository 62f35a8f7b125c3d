package io.cellbench.impedance.drt;

import io.cellbench.impedance.fit.Weighting;
import java.util.List;

/**
 * The distribution of relaxation times of one spectrum:
 * Z(ω) = R∞ + jωL + ∫ γ(ln τ)/(1 + jωτ) d ln τ.
 *
 * @param tauSecond        the τ grid, ascending
 * @param gammaOhm         γ at each τ, in Ω per unit of ln τ (its area is a resistance)
 * @param lambda           the regularisation parameter used
 * @param lambdaRule       how λ was chosen: L_CURVE, GCV, or "given"
 * @param rInfinityOhm     the high-frequency resistance R∞
 * @param inductanceHenry  the series inductance (0 when not fitted)
 * @param polarisationOhm  ∫ γ d ln τ: the whole of the spectrum's polarisation resistance
 * @param peaks            one per relaxation, from short to long τ
 * @param rmsRelativeResidual √(mean squared (Z − Z_DRT)/|Z|) over real and imaginary parts
 * @param weighting        how the residuals were weighted
 */
public record DrtResult(List<Double> tauSecond, List<Double> gammaOhm, double lambda, String lambdaRule,
                        double rInfinityOhm, double inductanceHenry, double polarisationOhm, List<Peak> peaks,
                        double rmsRelativeResidual, Weighting weighting) {

    /**
     * One peak of γ: a relaxation process.
     *
     * @param tauSecond   where γ peaks
     * @param frequencyHz 1/(2πτ), where its arc's apex lies in the spectrum
     * @param gammaOhm    γ at the peak
     * @param resistanceOhm the area of γ between the valleys either side of the peak: the process's resistance
     */
    public record Peak(double tauSecond, double frequencyHz, double gammaOhm, double resistanceOhm) {
    }

    public DrtResult {
        tauSecond = List.copyOf(tauSecond);
        gammaOhm = List.copyOf(gammaOhm);
        peaks = List.copyOf(peaks);
    }
}
