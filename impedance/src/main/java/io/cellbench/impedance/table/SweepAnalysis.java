package io.cellbench.impedance.table;

import io.cellbench.core.data.Spectrum;
import io.cellbench.impedance.ImpedanceAnalysis;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.drt.DrtAnalysis;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.validation.LinKkResult;
import java.util.List;

/**
 * What is computed for one recorded sweep, as table rows: the same for {@code data eis} and for
 * the fits made during a run. Each call is independent and thread-safe. A sweep that cannot be
 * analysed (too few points, a value not finite) throws IllegalArgumentException naming the point.
 */
public final class SweepAnalysis {

    private final FitRequest request;
    private final Circuit circuit;

    /** Fits with {@code request}'s circuit; a bad circuit string throws CircuitSyntaxException now. */
    public SweepAnalysis(FitRequest request) {
        this.request = request;
        this.circuit = Circuit.parse(request.circuit());
    }

    public Circuit circuit() {
        return circuit;
    }

    /** The Lin-KK test and the circuit fit it judges. */
    public FitRow fit(int spectrumIndex, Spectrum spectrum) {
        MeasuredSpectrum measured = MeasuredSpectrum.of(spectrum);
        LinKkResult validity = ImpedanceAnalysis.validate(measured);
        return new FitRow(spectrumIndex, spectrum, ImpedanceAnalysis.fit(measured, request, validity), validity);
    }

    /** The Lin-KK test alone. */
    public static FitRow validate(int spectrumIndex, Spectrum spectrum) {
        return new FitRow(spectrumIndex, spectrum, null, ImpedanceAnalysis.validate(MeasuredSpectrum.of(spectrum)));
    }

    /** The DRT, one row per point of its τ grid. */
    public static List<DrtRow> drt(int spectrumIndex, Spectrum spectrum) {
        return DrtRow.rows(spectrumIndex, spectrum, DrtAnalysis.analyse(MeasuredSpectrum.of(spectrum)));
    }
}
