package io.cellbench.impedance;

import io.cellbench.impedance.fit.CircuitFitter;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.fit.FitResult;
import io.cellbench.impedance.validation.LinKk;
import io.cellbench.impedance.validation.LinKkOptions;
import io.cellbench.impedance.validation.LinKkResult;

/**
 * The entry point: pure functions from a spectrum to immutable results. A circuit fit always
 * comes with the Lin-KK test of the same spectrum, and a spectrum that fails it makes the fit
 * untrustworthy ({@link FitResult#trustworthy()} false, the verdict among its warnings).
 * Thread-safe: nothing is shared between calls.
 */
public final class ImpedanceAnalysis {

    private ImpedanceAnalysis() {
    }

    /** A fit judged by the Lin-KK test as {@link #validate} makes it. */
    public static FitResult fit(MeasuredSpectrum spectrum, FitRequest request) {
        return fit(spectrum, request, validate(spectrum));
    }

    /** A fit judged by a Lin-KK result already computed for the same spectrum. */
    public static FitResult fit(MeasuredSpectrum spectrum, FitRequest request, LinKkResult validity) {
        return CircuitFitter.fit(spectrum, request).judgedBy(validity.passed(), validity.verdict());
    }

    /**
     * The Lin-KK test with the default settings, and a series capacitance when the spectrum ends
     * in a capacitive tail (a battery's chemical capacitance, unresolved diffusion:
     * {@link io.cellbench.impedance.validation.LowFrequencyTail}).
     */
    public static LinKkResult validate(MeasuredSpectrum spectrum) {
        return LinKk.test(spectrum, LinKkOptions.forSpectrum(spectrum));
    }
}
