package io.cellbench.impedance.table;

import io.cellbench.core.data.Spectrum;
import io.cellbench.impedance.fit.FitResult;
import io.cellbench.impedance.validation.LinKkResult;

/**
 * One analysed sweep: a row of {@code fits.arrows} and of {@code data eis --fit/--kk}.
 *
 * @param spectrumIndex the sweep's {@code spectrum_index} in spectra.arrows
 * @param spectrum      the sweep, with where in the test it was taken
 * @param fit           the circuit fit, or null when only the Lin-KK test ran
 * @param validity      the Lin-KK test of the same sweep
 */
public record FitRow(int spectrumIndex, Spectrum spectrum, FitResult fit, LinKkResult validity)
        implements SweepRow {

    /** A fitted parameter's value (NaN without a fit). */
    double value(String parameter) {
        return fit == null ? Double.NaN : fit.value(parameter);
    }

    /** A fitted parameter's standard error (NaN without a fit). */
    double standardError(String parameter) {
        return fit == null ? Double.NaN : fit.parameter(parameter).standardError();
    }

    double fitted(java.util.function.ToDoubleFunction<FitResult> figure) {
        return fit == null ? Double.NaN : figure.applyAsDouble(fit);
    }
}
