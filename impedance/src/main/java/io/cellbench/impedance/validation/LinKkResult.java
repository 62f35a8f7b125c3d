package io.cellbench.impedance.validation;

import io.cellbench.core.instrument.ImpedancePoint;
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
 * @param residuals         (Z − Z_model)/|Z|, real and imaginary, in the spectrum's order
 * @param maxResidual       the largest |residual| of either part
 * @param rmsResidual       √(mean of the 2N squared residuals): about the spectrum's relative noise
 *                          when it is valid
 * @param passed            maxResidual ≤ options.threshold(): the spectrum is consistent with a
 *                          linear, causal, stable system, so a circuit fitted to it can be trusted
 */
public record LinKkResult(int elements, double mu, LinKkOptions options, double ohmicResistanceOhm,
                          List<Double> timeConstantsSecond, List<Double> resistancesOhm, double inductanceHenry,
                          double capacitanceFarad, List<ImpedancePoint> model, List<Residual> residuals,
                          double maxResidual, double rmsResidual, boolean passed) {

    /** One point's residual relative to |Z|. */
    public record Residual(double frequencyHz, double real, double imag) {
    }

    public LinKkResult {
        timeConstantsSecond = List.copyOf(timeConstantsSecond);
        resistancesOhm = List.copyOf(resistancesOhm);
        model = List.copyOf(model);
        residuals = List.copyOf(residuals);
    }

    /** A sentence for a fit's warnings when the spectrum failed. */
    public String verdict() {
        return String.format(java.util.Locale.ROOT, "Lin-KK %s: largest residual %.2f %% of |Z| (limit %.2f %%), "
                        + "rms %.2f %%, M = %d, μ = %.3f", passed ? "passed" : "failed", 100 * maxResidual,
                100 * options.threshold(), 100 * rmsResidual, elements, mu);
    }
}
