package io.cellbench.impedance.fit;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.circuit.Circuit;

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
     * derivatives by the free parameters, column j (free parameter j) in {@code jacobian[j]} and
     * multiplied by {@code chain[j]} (dp/du for the optimiser, 1 for the parameters themselves).
     */
    void evaluate(double[] p, double[] chain, double[] values, double[][] jacobian) {
        int n = points();
        // one workspace per call, none per point or element: the fit's hot loop allocates nothing
        double[] zRe = new double[circuit.workspaceLength()];
        double[] zIm = new double[zRe.length];
        double[] dzRe = jacobian == null ? null : new double[p.length];
        double[] dzIm = jacobian == null ? null : new double[p.length];
        for (int i = 0; i < n; i++) {
            circuit.impedance(spectrum.frequencyHz(i), p, zRe, zIm, dzRe, dzIm);
            double re = zRe[0];
            double im = zIm[0];
            boolean usable = Double.isFinite(re) && Double.isFinite(im);
            values[i] = usable ? re / sigma[i] : UNUSABLE;
            values[n + i] = usable ? im / sigma[n + i] : UNUSABLE;
            if (jacobian != null) {
                for (int j = 0; j < free.length; j++) {
                    double dRe = dzRe[free[j]];
                    double dIm = dzIm[free[j]];
                    boolean ok = usable && Double.isFinite(dRe) && Double.isFinite(dIm);
                    jacobian[j][i] = ok ? dRe * chain[j] / sigma[i] : 0;
                    jacobian[j][n + i] = ok ? dIm * chain[j] / sigma[n + i] : 0;
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
