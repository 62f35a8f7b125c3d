package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.ImpedanceAnalysis;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.circuit.CircuitSyntaxException;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.fit.FitResult;
import io.cellbench.impedance.fit.FittedParameter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.complex.Complex;

/**
 * The equivalent circuit fitted to each spectrum drawn ({@code plot --fit}): the fit as
 * {@code data eis --fit} makes it (automatic guesses, modulus weighting), and the model's
 * impedance on a fine frequency grid over the measured range, so the fitted curve is smooth
 * between the measured points it is drawn through.
 */
final class FitOverlay {
    /** The fitted curve's frequencies per decade: smooth at any plot size. */
    static final int POINTS_PER_DECADE = 40;
    /** The parameters named in the key are those of the last spectrum drawn; a key lists at most this many. */
    static final int KEY_PARAMETERS = 6;

    /** One spectrum's fit and its curve: Z of the fitted circuit at each frequency of {@code frequencyHz}. */
    record Fitted(SpectrumSet.Measurement measurement, FitResult fit, double[] frequencyHz, Complex[] z) {
        double[] real() {
            return java.util.Arrays.stream(z).mapToDouble(Complex::getReal).toArray();
        }

        double[] negativeImaginary() {
            return java.util.Arrays.stream(z).mapToDouble(c -> -c.getImaginary()).toArray();
        }

        double[] modulus() {
            return java.util.Arrays.stream(z).mapToDouble(Complex::norm).toArray();
        }

        /** −phase in degrees, as the Bode plot draws the measured points. */
        double[] negativePhaseDegree() {
            return java.util.Arrays.stream(z).mapToDouble(c -> -Math.toDegrees(c.getArgument())).toArray();
        }
    }

    private final Circuit circuit;

    private FitOverlay(Circuit circuit) {
        this.circuit = circuit;
    }

    /** The overlay of {@code circuit}; a circuit that does not parse is a UserError saying where. */
    static FitOverlay of(String circuit) {
        try {
            return new FitOverlay(Circuit.parse(circuit));
        } catch (CircuitSyntaxException e) {
            throw new UserError("--fit: " + e.getMessage());
        }
    }

    String circuit() {
        return circuit.text();
    }

    /** Fits every measurement; one that cannot be fitted is said on {@code notes} and drawn without a curve. */
    List<Fitted> fit(List<SpectrumSet.Measurement> measurements, PrintStream notes) {
        List<Fitted> fitted = new ArrayList<>();
        for (SpectrumSet.Measurement m : measurements) {
            try {
                fitted.add(fit(m));
            } catch (RuntimeException e) {
                notes.printf("plot: %s cycle %d: no fit of %s drawn (%s)%n", m.cell(), m.spectrum().cycleCount(),
                        circuit.text(), e.getMessage());
            }
        }
        return fitted;
    }

    Fitted fit(SpectrumSet.Measurement m) {
        // judged by the Lin-KK test, as data eis --fit judges it: the key says when the fit is untrusted
        FitResult result = ImpedanceAnalysis.fit(MeasuredSpectrum.of(m.spectrum()), FitRequest.of(circuit.text()));
        double[] f = grid(m.spectrum());
        double[] p = result.values();
        Complex[] z = new Complex[f.length];
        for (int i = 0; i < f.length; i++) {
            z[i] = circuit.impedance(f[i], p);
        }
        return new Fitted(m, result, f, z);
    }

    /** Frequencies from the spectrum's highest to its lowest, {@value #POINTS_PER_DECADE} per decade, both ends included. */
    static double[] grid(Spectrum spectrum) {
        double lo = spectrum.points().stream().mapToDouble(ImpedancePoint::frequencyHz).min().orElseThrow();
        double hi = spectrum.points().stream().mapToDouble(ImpedancePoint::frequencyHz).max().orElseThrow();
        int n = Math.max(2, (int) Math.ceil(Math.log10(hi / lo) * POINTS_PER_DECADE) + 1);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = hi * Math.pow(lo / hi, i / (double) (n - 1));
        }
        return f;
    }

    /**
     * The key: the circuit (a line, as the fitted curves are drawn) and the key parameters of the
     * last spectrum fitted: its resistances, or its first parameters when it has none, each with σ.
     */
    Key key(List<Fitted> fitted) {
        List<Key.Entry> entries = new ArrayList<>();
        entries.add(new Key.Entry(circuit.text(), Style.NEUTRAL, null, true));
        if (!fitted.isEmpty()) {
            Fitted last = fitted.getLast();
            entries.add(new Key.Entry(last.measurement().cell() + ", cycle " + last.measurement().level().label()
                    + (last.fit().trustworthy() ? "" : " (untrusted)"), Style.NEUTRAL, null, false));
            List<FittedParameter> shown = last.fit().parameters().stream().filter(p -> p.unit().equals("Ω")).toList();
            if (shown.isEmpty()) {
                shown = last.fit().parameters();
            }
            shown.stream().limit(KEY_PARAMETERS)
                    .forEach(p -> entries.add(new Key.Entry(label(p), Style.NEUTRAL, null, false)));
        }
        return new Key.Entries("Fit", entries);
    }

    /** "R0 = 24.24 Ω ± 0.6 %". */
    static String label(FittedParameter p) {
        String unit = p.unit().isEmpty() ? "" : " " + p.unit();
        String sigma = Double.isFinite(p.relativeError())
                ? String.format(Locale.ROOT, " ± %.2g %%", 100 * p.relativeError()) : " ± ?";
        return p.name() + " = " + String.format(Locale.ROOT, "%.4g", p.value()) + unit + (p.fixed() ? " (fixed)" : sigma);
    }
}
