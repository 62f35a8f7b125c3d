package io.cellbench.impedance.fit;

import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.Residuals;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of fitting one spectrum: every parameter with unit and standard error, the
 * model's Z at the measured frequencies, the residuals, and figures of merit.
 *
 * @param circuit            the circuit string as given
 * @param weighting          how residuals were weighted
 * @param parameters         in the circuit's parameter order
 * @param model              the fitted circuit's Z at each measured frequency, in the spectrum's order
 * @param residuals          (Z − Z_model)/|Z| for the real and the imaginary part, at each measured
 *                           frequency, with their rms (compare it with the analyser's relative
 *                           noise: 0.2 % for the simulated analyser)
 * @param chiSquare          Σ (residual/σ)² with σ from the weighting
 * @param reducedChiSquare   χ²/(2N − free parameters)
 * @param freeParameters     parameters that were fitted (not fixed)
 * @param evaluations        model evaluations over all starts
 * @param starts             initial guesses tried (the best was kept)
 * @param converged          the optimiser met its tolerances (rather than running out of evaluations)
 * @param trustworthy        converged, and the spectrum passed the Lin-KK test when it was judged
 *                           ({@link #judgedBy})
 * @param warnings           what a reader should know (parameters at a bound or undetermined,
 *                           a failed Lin-KK test, no convergence)
 */
public record FitResult(String circuit, Weighting weighting, List<FittedParameter> parameters,
                        List<ImpedancePoint> model, Residuals residuals, double chiSquare,
                        double reducedChiSquare, int freeParameters, int evaluations,
                        int starts, boolean converged, boolean trustworthy, List<String> warnings) {

    public FitResult {
        parameters = List.copyOf(parameters);
        model = List.copyOf(model);
        warnings = List.copyOf(warnings);
    }

    /** √(mean squared (Z − Z_model)/|Z|) over the real and imaginary parts. */
    public double rmsRelativeResidual() {
        return residuals.rms();
    }

    /** The parameter called {@code name} ({@code R0}, {@code CPE1_1}). */
    public FittedParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("circuit " + circuit + " has no parameter " + name
                        + "; it has " + parameters.stream().map(FittedParameter::name).toList()));
    }

    /** The value of parameter {@code name}. */
    public double value(String name) {
        return parameter(name).value();
    }

    /** The values in the circuit's parameter order. */
    public double[] values() {
        return parameters.stream().mapToDouble(FittedParameter::value).toArray();
    }

    /**
     * This result with the verdict of a validity test on the same spectrum: a spectrum that
     * fails it (not linear, not stable, not causal) gives parameters that cannot be trusted,
     * however well the circuit fits.
     */
    public FitResult judgedBy(boolean validityPassed, String validityWarning) {
        List<String> all = new ArrayList<>(warnings);
        if (!validityPassed) {
            all.add(validityWarning);
        }
        return new FitResult(circuit, weighting, parameters, model, residuals, chiSquare, reducedChiSquare,
                freeParameters, evaluations, starts, converged,
                trustworthy && validityPassed, all);
    }
}
