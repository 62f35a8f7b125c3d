package io.cellbench.impedance;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a model is from a measured spectrum, point by point, relative to |Z| (the scale on
 * which an analyser's noise is stated and on which Lin-KK residuals are read).
 *
 * @param points one per measured point, in the spectrum's order
 * @param rms    √(mean of the 2N squared relative residuals, real and imaginary)
 * @param max    the largest |relative residual| of either part
 */
public record Residuals(List<Point> points, double rms, double max) {

    /** (Z − Z_model)/|Z| at one frequency, real and imaginary parts. */
    public record Point(double frequencyHz, double real, double imag) {
    }

    public Residuals {
        points = List.copyOf(points);
    }

    /** The residuals of {@code model} (Z at the spectrum's frequencies, in its order) against {@code spectrum}. */
    public static Residuals between(MeasuredSpectrum spectrum, List<ImpedancePoint> model) {
        int n = spectrum.size();
        List<Point> points = new ArrayList<>(n);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double modulus = spectrum.modulus(i);
            double re = (spectrum.real(i) - model.get(i).zRealOhm()) / modulus;
            double im = (spectrum.imag(i) - model.get(i).zImagOhm()) / modulus;
            points.add(new Point(spectrum.frequencyHz(i), re, im));
            sum += re * re + im * im;
            max = Math.max(max, Math.max(Math.abs(re), Math.abs(im)));
        }
        return new Residuals(points, Math.sqrt(sum / (2 * n)), max);
    }
}
