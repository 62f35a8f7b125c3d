package io.cellbench.impedance;

import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.util.Arrays;
import java.util.List;

/**
 * The points of one impedance sweep as arrays, checked once so every analysis can trust them:
 * frequencies finite and &gt; 0, Z finite, no frequency twice. The imaginary part is as measured
 * (negative for capacitive), as in {@link ImpedancePoint}. Point order is kept.
 */
public final class MeasuredSpectrum {

    private final double[] frequencyHz;
    private final double[] real;
    private final double[] imag;
    /** |Z| of each point, computed once: the analyses read it for every point many times (Lin-KK once per M). */
    private final double[] modulus;

    private MeasuredSpectrum(double[] frequencyHz, double[] real, double[] imag) {
        this.frequencyHz = frequencyHz;
        this.real = real;
        this.imag = imag;
        this.modulus = new double[real.length];
        for (int i = 0; i < real.length; i++) {
            modulus[i] = Math.hypot(real[i], imag[i]);
        }
    }

    /** From a sweep's points; a bad point is named by its index, frequency and value. */
    public static MeasuredSpectrum of(List<ImpedancePoint> points) {
        int n = points.size();
        double[] f = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            ImpedancePoint p = points.get(i);
            f[i] = p.frequencyHz();
            re[i] = p.zRealOhm();
            im[i] = p.zImagOhm();
        }
        return of(f, re, im);
    }

    public static MeasuredSpectrum of(Spectrum spectrum) {
        return of(spectrum.points());
    }

    /** From arrays of equal length (copied). */
    public static MeasuredSpectrum of(double[] frequencyHz, double[] real, double[] imag) {
        if (frequencyHz.length != real.length || real.length != imag.length) {
            throw new IllegalArgumentException("a spectrum needs as many Z values as frequencies: " + frequencyHz.length
                    + " frequencies, " + real.length + " real, " + imag.length + " imaginary");
        }
        if (frequencyHz.length < 3) {
            throw new IllegalArgumentException("a spectrum needs at least 3 points to analyse, got "
                    + frequencyHz.length);
        }
        for (int i = 0; i < frequencyHz.length; i++) {
            if (!(frequencyHz[i] > 0) || !Double.isFinite(frequencyHz[i]) || !Double.isFinite(real[i])
                    || !Double.isFinite(imag[i])) {
                throw new IllegalArgumentException("point " + (i + 1) + " of the spectrum is not usable: f = "
                        + frequencyHz[i] + " Hz, Z = " + real[i] + " " + (imag[i] < 0 ? "-" : "+") + " j"
                        + Math.abs(imag[i]) + " Ω (frequencies must be > 0 and all values finite)");
            }
        }
        double[] sorted = frequencyHz.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("the spectrum has " + sorted[i] + " Hz twice; average or drop "
                        + "repeated frequencies before analysing it");
            }
        }
        return new MeasuredSpectrum(frequencyHz.clone(), real.clone(), imag.clone());
    }

    public int size() {
        return frequencyHz.length;
    }

    public double frequencyHz(int i) {
        return frequencyHz[i];
    }

    public double real(int i) {
        return real[i];
    }

    public double imag(int i) {
        return imag[i];
    }

    public double modulus(int i) {
        return modulus[i];
    }

    public double[] frequenciesHz() {
        return frequencyHz.clone();
    }

    /** The same spectrum ordered from the highest frequency to the lowest (as most analysers sweep). */
    public MeasuredSpectrum descending() {
        Integer[] order = new Integer[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(frequencyHz[b], frequencyHz[a]));
        double[] f = new double[size()];
        double[] re = new double[size()];
        double[] im = new double[size()];
        for (int i = 0; i < order.length; i++) {
            f[i] = frequencyHz[order[i]];
            re[i] = real[order[i]];
            im[i] = imag[order[i]];
        }
        return new MeasuredSpectrum(f, re, im);
    }
}
