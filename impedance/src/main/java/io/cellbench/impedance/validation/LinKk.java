package io.cellbench.impedance.validation;

import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.Residuals;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The linear Kramers–Kronig test of Schönleber, Klotz and Ivers-Tiffée (Electrochim. Acta 131
 * (2014) 20): a spectrum that a series of M RC elements with fixed, log-spaced time constants
 * (plus R_ohm, L and optionally C) reproduces to within its noise is consistent with a linear,
 * causal and stable system. The R_k are linear in the model, so each M is one linear
 * least-squares solve, weighted by 1/|Z|. M is chosen by the μ criterion: it grows from 1 until
 * μ = 1 − Σ|R_k&lt;0| / Σ R_k≥0 falls to c or below, i.e. until the model starts to fit noise
 * with resistances of both signs. The construction follows impedance.py's
 * {@code validation.linKK} (τ from 1/(2π f_max) to 1/(2π f_min); fits of the real part,
 * the imaginary part or both), whose published results the tests reproduce.
 */
public final class LinKk {

    private LinKk() {
    }

    public static LinKkResult test(MeasuredSpectrum spectrum) {
        return test(spectrum, LinKkOptions.defaults());
    }

    public static LinKkResult test(MeasuredSpectrum spectrum, LinKkOptions options) {
        LinKkModel model;
        if (Double.isNaN(options.cutoff())) {
            model = LinKkModel.fit(spectrum, options.maxElements(), options.fit(), options.addCapacitance());
        } else {
            model = null;
            int m = 0;
            double mu = 1;
            while (mu > options.cutoff() && m < options.maxElements()) {
                m++;
                model = LinKkModel.fit(spectrum, m, options.fit(), options.addCapacitance());
                mu = model.mu();
            }
        }
        return result(spectrum, model, options);
    }

    /** The M time constants: τ_1 = 1/(2π f_max), τ_M = 1/(2π f_min), log-spaced between. */
    public static double[] timeConstants(double[] frequencyHz, int m) {
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = 0;
        for (double f : frequencyHz) {
            fMin = Math.min(fMin, f);
            fMax = Math.max(fMax, f);
        }
        double tauMin = 1 / (2 * Math.PI * fMax);
        double tauMax = 1 / (2 * Math.PI * fMin);
        double[] tau = new double[m];
        tau[0] = tauMin;
        tau[m - 1] = tauMax;
        for (int k = 2; k < m; k++) {
            tau[k - 1] = Math.pow(10, Math.log10(tauMin) + (k - 1.0) / (m - 1) * Math.log10(tauMax / tauMin));
        }
        return tau;
    }

    /** μ = 1 − Σ|R_k| over R_k &lt; 0 divided by Σ|R_k| over R_k ≥ 0. */
    public static double mu(double[] resistances) {
        double negative = 0;
        double positive = 0;
        for (double r : resistances) {
            if (r < 0) {
                negative += -r;
            } else {
                positive += r;
            }
        }
        return 1 - negative / positive;
    }

    /** The minimum-norm least-squares solution (numpy's pinv), so an all-zero column gets 0. */
    static double[] leastSquares(double[][] a, double[] b) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(b, false)).toArray();
    }

    private static LinKkResult result(MeasuredSpectrum spectrum, LinKkModel model, LinKkOptions options) {
        int n = spectrum.size();
        List<ImpedancePoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double f = spectrum.frequencyHz(i);
            double[] z = model.impedance(f);
            points.add(new ImpedancePoint(f, z[0], z[1]));
        }
        Residuals residuals = Residuals.between(spectrum, points);
        List<Double> tau = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        for (int k = 0; k < model.tau().length; k++) {
            tau.add(model.tau()[k]);
            r.add(model.resistances()[k]);
        }
        return new LinKkResult(model.tau().length, model.mu(), options, model.ohmic(), tau, r, model.inductance(),
                model.capacitance(), points, residuals, residuals.max() <= options.threshold());
    }
}
