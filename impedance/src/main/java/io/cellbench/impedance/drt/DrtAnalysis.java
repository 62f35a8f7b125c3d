package io.cellbench.impedance.drt;

import io.cellbench.impedance.MeasuredSpectrum;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of relaxation times by Tikhonov regularisation with a non-negativity
 * constraint, on Gaussian radial basis functions in ln τ (Wan, Saccoccio, Chen and Ciucci,
 * Electrochim. Acta 184 (2015) 483; pyDRTtools): minimise
 * ‖W(Z − R∞ − jωL − Σ x_m K_m)‖² + λ∫(γ'')² d ln τ over x ≥ 0, R∞ ≥ 0, L ≥ 0,
 * with λ at the corner of the L-curve (or by GCV). Peaks of γ are reported with their area (a resistance) and τ.
 */
public final class DrtAnalysis {

    /** A ridge this small (relative to the penalty) makes Q definite without changing the solution. */
    private static final double RIDGE = 1e-6;

    private DrtAnalysis() {
    }

    public static DrtResult analyse(MeasuredSpectrum spectrum) {
        return analyse(spectrum, DrtOptions.defaults());
    }

    public static DrtResult analyse(MeasuredSpectrum spectrum, DrtOptions options) {
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = 0;
        for (int i = 0; i < spectrum.size(); i++) {
            fMin = Math.min(fMin, spectrum.frequencyHz(i));
            fMax = Math.max(fMax, spectrum.frequencyHz(i));
        }
        RbfBasis basis = RbfBasis.forSweep(fMin, fMax, options);
        DrtSystem system = DrtSystem.build(spectrum, basis, options);
        int n = system.columns();
        double[][] gram = system.gram();
        double[] atb = system.atb();
        double[][] penalty = system.penalty();
        double trace = 0;
        for (int j = 0; j < n; j++) {
            trace += penalty[j][j];
        }
        for (int j = 0; j < n; j++) {
            penalty[j][j] += RIDGE * trace / n;
        }
        boolean chosen = Double.isNaN(options.lambda());
        double lambda = chosen
                ? LambdaChoice.choose(options.lambdaRule(), gram, atb, penalty, system.bb(), system.rows())
                : options.lambda();
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = gram[i][j] + lambda * penalty[i][j];
            }
        }
        double[] scaled = NonNegativeQuadratic.solve(h, atb);
        double[] x = system.unscale(scaled);

        int first = system.firstBasisColumn();
        double[] coefficients = new double[basis.size()];
        System.arraycopy(x, first, coefficients, 0, coefficients.length);
        List<Double> tau = new ArrayList<>();
        List<Double> gamma = new ArrayList<>();
        double[] atCentres = DrtPeaks.gamma(basis.centreValues(), coefficients);
        for (int m = 0; m < basis.size(); m++) {
            tau.add(Math.exp(basis.centres[m]));
            gamma.add(atCentres[m]);
        }
        double polarisation = 0;
        for (double c : coefficients) {
            polarisation += c * basis.area();
        }
        double inductance = options.inductance() ? x[1] : 0;
        return new DrtResult(tau, gamma, lambda, chosen ? options.lambdaRule().name() : "given", x[0], inductance, polarisation,
                DrtPeaks.find(basis, coefficients), system.rmsRelativeResidual(x), options.weighting());
    }
}
