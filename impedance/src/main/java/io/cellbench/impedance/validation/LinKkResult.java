package io.cellbench.impedance.validation;

import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.Residuals;
import java.util.List;

/**
 * The outcome of the Lin-KK test on one spectrum.
 *
 * @param elements          M, the number of RC elements used
 * @param mu                μ = 1 − Σ|R_k &lt; 0| / Σ R_k≥0 for that M (1: no negative resistances,
 *                          falling as the model starts to fit noise)
 * @param options           the settings used
 * @param ohmicResistanceOhm R_ohm of the model
 * @param timeConstantsSecond τ_1 … τ_M (fixed, log-spaced from 1/ω_max to 1/ω_min)
 * @param resistancesOhm    R_1 … R_M
 * @param inductanceHenry   the series inductance fitted with them
 * @param capacitanceFarad  the series capacitance, or NaN without {@code addCapacitance}
 * @param model             the model's Z at each measured frequency, in the spectrum's order
 * @param residuals         (Z − Z_model)/|Z|, real and imaginary, in the spectrum's order; their rms
 *                          is about the spectrum's relative noise when it is valid
 * @param passed            the largest residual ≤ options.threshold(): the spectrum is consistent with a
 *                          linear, causal, stable system, so a circuit fitted to it can be trusted
 */
public record LinKkResult(int elements, double mu, LinKkOptions options, double ohmicResistanceOhm,
                          List<Double> timeConstantsSecond, List<Double> resistancesOhm, double inductanceHenry,
                          double capacitanceFarad, List<ImpedancePoint> model, Residuals residuals,
                          boolean passed) {

    public LinKkResult {
        timeConstantsSecond = List.copyOf(timeConstantsSecond);
        resistancesOhm = List.copyOf(resistancesOhm);
        model = List.copyOf(model);
    }

    /** The largest |residual| of either part, relative to |Z|. */
    public double maxResidual() {
        return residuals.max();
    }

    /** √(mean of the 2N squared relative residuals). */
    public double rmsResidual() {
        return residuals.rms();
    }

    /** A sentence for a fit's warnings when the spectrum failed. */
    public String verdict() {
        return String.format(java.util.Locale.ROOT, "Lin-KK %s: largest residual %.2f %% of |Z| (limit %.2f %%), "
                        + "rms %.2f %%, M = %d, μ = %.3f", passed ? "passed" : "failed", 100 * maxResidual(),
                100 * options.threshold(), 100 * rmsResidual(), elements, mu);
    }
}
