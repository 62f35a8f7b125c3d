package io.cellbench.impedance.fit;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.circuit.Circuit;
import org.hipparchus.complex.Complex;

/**
 * The weighted least-squares problem of one spectrum and one circuit: the full parameter vector
 * (free and fixed), the transforms of the free ones, and the weighted model values and their
 * Jacobian, in the optimiser's unbounded coordinates or in the parameters themselves.
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

    FitProblem(Circuit circuit, MeasuredSpectrum spectrum, double[] sigma, double[] fixedValues, int[] free,
               ParameterTransform[] transforms) {
        this.circuit = circuit;
        this.spectrum = spectrum;
        this.sigma = sigma;
        this.fixedValues = fixedValues;
        this.free = free;
        this.transforms = transforms;
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
     * derivatives by the free parameters, each column multiplied by {@code chain[j]} (dp/du for
     * the optimiser, 1 for the parameters themselves).
     */
    void evaluate(double[] p, double[] chain, double[] values, double[][] jacobian) {
        int n = points();
        Complex[] dz = new Complex[p.length];
        for (int i = 0; i < n; i++) {
            Complex z = circuit.impedance(spectrum.frequencyHz(i), p, jacobian == null ? null : dz);
            boolean usable = Double.isFinite(z.getReal()) && Double.isFinite(z.getImaginary());
            values[i] = usable ? z.getReal() / sigma[i] : UNUSABLE;
            values[n + i] = usable ? z.getImaginary() / sigma[n + i] : UNUSABLE;
            if (jacobian != null) {
                for (int j = 0; j < free.length; j++) {
                    Complex d = dz[free[j]];
                    boolean ok = usable && Double.isFinite(d.getReal()) && Double.isFinite(d.getImaginary());
                    jacobian[i][j] = ok ? d.getReal() * chain[j] / sigma[i] : 0;
                    jacobian[n + i][j] = ok ? d.getImaginary() * chain[j] / sigma[n + i] : 0;
                }
            }
        }
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
