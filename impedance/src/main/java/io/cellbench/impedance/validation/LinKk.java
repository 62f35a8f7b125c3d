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
 * least-squares solve, weighted by 1/|Z|. M is chosen by the μ criterion: the smallest M at
 * which μ = 1 − Σ|R_k&lt;0| / Σ R_k≥0 is c or below, i.e. where the model starts to fit noise
 * with resistances of both signs; by default only among the M that fit the spectrum down to its
 * noise floor ({@link LinKkOptions.MuRule}). The construction follows impedance.py's
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
        } else if (options.muRule() == LinKkOptions.MuRule.AT_NOISE_FLOOR) {
            model = atNoiseFloor(spectrum, options);
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

    /** How close to the lowest rms residual a model must come before its μ counts. */
    public static final double FLOOR_FACTOR = 2;
    /** How many more M must leave a candidate's rms residual within FLOOR_FACTOR before it is taken. */
    public static final int LOOKAHEAD = 5;

    /**
     * M grows from 1; an M with μ ≤ c is a candidate while no M fitted so far, nor any of the
     * next {@link #LOOKAHEAD}, reaches below its rms residual / {@link #FLOOR_FACTOR}: then the
     * model has reached the spectrum's noise floor rather than dipping on the way there. Without a
     * candidate up to maxElements (at most one per point), the lowest-residual M is taken.
     */
    private static LinKkModel atNoiseFloor(MeasuredSpectrum spectrum, LinKkOptions options) {
        int last = Math.min(options.maxElements(), spectrum.size());
        LinKkModel best = null;
        double bestRms = Double.POSITIVE_INFINITY;
        LinKkModel candidate = null;
        double candidateRms = Double.NaN;
        int candidateM = 0;
        for (int m = 1; m <= last; m++) {
            LinKkModel model = LinKkModel.fit(spectrum, m, options.fit(), options.addCapacitance());
            double rms = model.rmsResidual();
            if (candidate != null && rms * FLOOR_FACTOR < candidateRms) {
                candidate = null; // the floor lies lower: the candidate was still underfitting
            }
            if (rms < bestRms) {
                best = model;
                bestRms = rms;
            }
            if (candidate == null && model.mu() <= options.cutoff() && rms <= FLOOR_FACTOR * bestRms) {
                candidate = model;
                candidateRms = rms;
                candidateM = m;
            }
            if (candidate != null && m - candidateM >= LOOKAHEAD) {
                return candidate;
            }
        }
        return candidate != null ? candidate : best;
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

    /**
     * The least-squares solution of a x = b, {@code a} given by its columns: by Householder QR,
     * which is stable (it never squares the condition number, as the normal equations would) and
     * several times cheaper than an SVD, and the test solves up to ~30 of these per spectrum,
     * every sweep of a run. The columns are scaled to unit length first (the ohmic, RC, inductance
     * and capacitance columns differ by many decades), so a dependent column shows as a tiny
     * diagonal element of R; then the SVD's minimum-norm solution is taken (numpy's pinv, so an
     * all-zero column gets 0), as QR has no unique answer.
     */
    static double[] leastSquares(double[][] columns, double[] b) {
        int rows = b.length;
        int cols = columns.length;
        double[] norm = new double[cols];
        double[][] scaled = new double[cols][rows];
        for (int j = 0; j < cols; j++) {
            double[] column = columns[j];
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += column[i] * column[i];
            }
            norm[j] = sum > 0 ? Math.sqrt(sum) : 1;
            double inverse = 1 / norm[j];
            for (int i = 0; i < rows; i++) {
                scaled[j][i] = column[i] * inverse;
            }
        }
        double[] x = HouseholderQr.solveColumns(scaled, b, RANK_TOLERANCE);
        if (x == null) {
            double[][] a = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    a[i][j] = columns[j][i];
                }
            }
            return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
        }
        for (int j = 0; j < cols; j++) {
            x[j] /= norm[j];
        }
        return x;
    }

    /** A diagonal element of R (unit-length columns) this small marks a column dependent on the others. */
    private static final double RANK_TOLERANCE = 1e-10;

    private static List<ImpedancePoint> modelPoints(MeasuredSpectrum spectrum, LinKkModel model) {
        int n = spectrum.size();
        List<ImpedancePoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double f = spectrum.frequencyHz(i);
            double[] z = model.impedance(f);
            points.add(new ImpedancePoint(f, z[0], z[1]));
        }
        return points;
    }

    private static LinKkResult result(MeasuredSpectrum spectrum, LinKkModel model, LinKkOptions options) {
        List<ImpedancePoint> points = modelPoints(spectrum, model);
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
