package io.cellbench.impedance.drt;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.fit.Weighting;

/**
 * The linear system of the DRT: the weighted matrix A (real parts, then imaginary parts; columns
 * R∞, [L], x_1 … x_K), the data b, and the penalty on γ''. Columns are scaled to unit norm so
 * R∞ (Ω), L (H, multiplied by ω up to 10⁷) and the Gaussians' weights are solved on one footing;
 * {@link #unscale} returns to physical units.
 */
final class DrtSystem {

    private final MeasuredSpectrum spectrum;
    private final RbfBasis basis;
    private final boolean inductance;
    private final double[] sigma;
    private final double[][] a;
    private final double[] b;
    private final double[] columnScale;
    private final double[][] penaltyRows;

    private DrtSystem(MeasuredSpectrum spectrum, RbfBasis basis, boolean inductance, double[] sigma, double[][] a,
                      double[] b, double[] columnScale, double[][] penaltyRows) {
        this.spectrum = spectrum;
        this.basis = basis;
        this.inductance = inductance;
        this.sigma = sigma;
        this.a = a;
        this.b = b;
        this.columnScale = columnScale;
        this.penaltyRows = penaltyRows;
    }

    static DrtSystem build(MeasuredSpectrum spectrum, RbfBasis basis, DrtOptions options) {
        int n = spectrum.size();
        int first = options.inductance() ? 2 : 1;
        int cols = first + basis.size();
        double[] sigma = options.weighting() == Weighting.UNIT ? Weighting.UNIT.sigmas(spectrum)
                : Weighting.MODULUS.sigmas(spectrum);
        double[][] a = new double[2 * n][cols];
        double[] b = new double[2 * n];
        double[] k = new double[2];
        for (int i = 0; i < n; i++) {
            double omega = 2 * Math.PI * spectrum.frequencyHz(i);
            double sRe = sigma[i];
            double sIm = sigma[n + i];
            a[i][0] = 1 / sRe;
            if (options.inductance()) {
                a[n + i][1] = omega / sIm;
            }
            for (int m = 0; m < basis.size(); m++) {
                basis.kernel(omega, m, k);
                a[i][first + m] = k[0] / sRe;
                a[n + i][first + m] = k[1] / sIm;
            }
            b[i] = spectrum.real(i) / sRe;
            b[n + i] = spectrum.imag(i) / sIm;
        }
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (double[] row : a) {
                sum += row[j] * row[j];
            }
            scale[j] = sum > 0 ? Math.sqrt(sum) : 1;
            for (double[] row : a) {
                row[j] /= scale[j];
            }
        }
        // ∫(γ'')² d ln τ by the midpoint rule at twice the grid's density
        int rowsPenalty = 2 * basis.size() - 1;
        double dy = basis.spacing / 2;
        double[][] penalty = new double[rowsPenalty][cols];
        for (int r = 0; r < rowsPenalty; r++) {
            double y = basis.centres[0] + r * dy;
            for (int m = 0; m < basis.size(); m++) {
                penalty[r][first + m] = basis.secondDerivative(m, y) * Math.sqrt(dy) / scale[first + m];
            }
        }
        return new DrtSystem(spectrum, basis, options.inductance(), sigma, a, b, scale, penalty);
    }

    int rows() {
        return b.length;
    }

    int columns() {
        return columnScale.length;
    }

    int firstBasisColumn() {
        return inductance ? 2 : 1;
    }

    double bb() {
        double sum = 0;
        for (double v : b) {
            sum += v * v;
        }
        return sum;
    }

    double[][] gram() {
        return transposeTimes(a, a);
    }

    double[][] penalty() {
        return transposeTimes(penaltyRows, penaltyRows);
    }

    double[] atb() {
        int cols = columns();
        double[] out = new double[cols];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[j] += a[i][j] * b[i];
            }
        }
        return out;
    }

    double[] unscale(double[] scaled) {
        double[] x = new double[scaled.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = scaled[j] / columnScale[j];
        }
        return x;
    }

    /** √(mean squared (Z − Z_DRT)/|Z|) for physical-unit parameters {@code x}. */
    double rmsRelativeResidual(double[] x) {
        int n = spectrum.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < x.length; j++) {
                // rows of a are weighted and scaled; undo both to get Z_DRT
                re += a[i][j] * columnScale[j] * x[j] * sigma[i];
                im += a[n + i][j] * columnScale[j] * x[j] * sigma[n + i];
            }
            double modulus = spectrum.modulus(i);
            double dre = (spectrum.real(i) - re) / modulus;
            double dim = (spectrum.imag(i) - im) / modulus;
            sum += dre * dre + dim * dim;
        }
        return Math.sqrt(sum / (2 * n));
    }

    private static double[][] transposeTimes(double[][] left, double[][] right) {
        int p = left[0].length;
        int q = right[0].length;
        double[][] out = new double[p][q];
        for (int r = 0; r < left.length; r++) {
            double[] lr = left[r];
            double[] rr = right[r];
            for (int i = 0; i < p; i++) {
                double v = lr[i];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < q; j++) {
                    out[i][j] += v * rr[j];
                }
            }
        }
        return out;
    }
}
