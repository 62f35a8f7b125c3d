package io.cellbench.impedance.fit;

import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.circuit.SweepImpedance;
import java.util.ArrayList;
import java.util.List;

/**
 * The weighted least-squares problem of one spectrum and one circuit: the full parameter vector
 * (free and fixed), the transforms of the free ones, and the weighted model values and their
 * Jacobian, in the optimiser's unbounded coordinates or in the parameters themselves. Not
 * thread-safe (its evaluation reuses arrays): one per fit.
 */
final class FitProblem {

    /** A value standing in for a model that cannot be evaluated (e.g. 1/0): LM then rejects the step. */
    private static final double UNUSABLE = 1e150;

    final Circuit circuit;
    final MeasuredSpectrum spectrum;
    final double[] sigma;
    final int[] free;
    final ParameterTransform[] transforms;
    private final double[] fixedValues;
    /** The circuit at this spectrum's frequencies, evaluated for all points at once; this fit's own. */
    private final SweepImpedance sweep;
    /** 1/σ, so that an evaluation multiplies instead of dividing its 2N values and 2N·k derivatives. */
    private final double[] weight;

    FitProblem(Circuit circuit, MeasuredSpectrum spectrum, double[] sigma, double[] fixedValues, int[] free,
               ParameterTransform[] transforms) {
        this.circuit = circuit;
        this.spectrum = spectrum;
        this.sigma = sigma;
        this.fixedValues = fixedValues;
        this.free = free;
        this.transforms = transforms;
        double[] frequencies = new double[spectrum.size()];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = spectrum.frequencyHz(i);
        }
        this.sweep = new SweepImpedance(circuit, frequencies);
        this.weight = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            weight[i] = 1 / sigma[i];
        }
    }

    int points() {
        return spectrum.size();
    }

    /** The data divided by σ: the optimiser's target. */
    double[] target() {
        int n = points();
        double[] t = new double[2 * n];
        for (int i = 0; i < n; i++) {
            t[i] = spectrum.real(i) / sigma[i];
            t[n + i] = spectrum.imag(i) / sigma[n + i];
        }
        return t;
    }

    /** The full parameter vector for the optimiser's point {@code u}. */
    double[] parameters(double[] u) {
        double[] p = fixedValues.clone();
        for (int j = 0; j < free.length; j++) {
            p[free[j]] = transforms[j].toExternal(u[j]);
        }
        return p;
    }

    double[] internal(double[] p) {
        double[] u = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            u[j] = transforms[j].toInternal(p[free[j]]);
        }
        return u;
    }

    /**
     * Weighted model values into {@code values} (2N) and, if {@code jacobian} is not null, their
     * derivatives by the free parameters, column j (free parameter j) in {@code jacobian[j]} and
     * multiplied by {@code chain[j]} (dp/du for the optimiser, 1 for the parameters themselves).
     */
    void evaluate(double[] p, double[] chain, double[] values, double[][] jacobian) {
        int n = points();
        sweep.evaluate(p, jacobian != null);
        double[] re = sweep.real();
        double[] im = sweep.imag();
        for (int i = 0; i < n; i++) {
            boolean usable = Double.isFinite(re[i]) && Double.isFinite(im[i]);
            values[i] = usable ? re[i] * weight[i] : UNUSABLE;
            values[n + i] = usable ? im[i] * weight[n + i] : UNUSABLE;
        }
        if (jacobian == null) {
            return;
        }
        for (int j = 0; j < free.length; j++) {
            double[] dzRe = sweep.derivativeReal(free[j]);
            double[] dzIm = sweep.derivativeImag(free[j]);
            double[] column = jacobian[j];
            double c = chain[j];
            for (int i = 0; i < n; i++) {
                double dRe = dzRe[i];
                double dIm = dzIm[i];
                boolean ok = values[i] != UNUSABLE && Double.isFinite(dRe) && Double.isFinite(dIm);
                column[i] = ok ? dRe * c * weight[i] : 0;
                column[n + i] = ok ? dIm * c * weight[n + i] : 0;
            }
        }
    }

    /** The model's Z at each of the spectrum's frequencies for {@code p}. */
    List<ImpedancePoint> model(double[] p) {
        sweep.evaluate(p, false);
        List<ImpedancePoint> model = new ArrayList<>(points());
        for (int i = 0; i < points(); i++) {
            model.add(new ImpedancePoint(spectrum.frequencyHz(i), sweep.real()[i], sweep.imag()[i]));
        }
        return model;
    }

    /** Σ ((data − model)/σ)² at {@code p}. */
    double chiSquare(double[] p) {
        double[] values = new double[2 * points()];
        evaluate(p, null, values, null);
        double[] t = target();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double r = t[i] - values[i];
            sum += r * r;
        }
        return sum;
    }
}
