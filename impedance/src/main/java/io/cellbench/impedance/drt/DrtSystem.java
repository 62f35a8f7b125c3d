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

    private DrtSystem(MeasuredSpectrum spectrum, RbfBasis basis, boolean inductance, double[] sigma, double[][] a,
                      double[] b, double[] columnScale) {
        this.spectrum = spectrum;
        this.basis = basis;
        this.inductance = inductance;
        this.sigma = sigma;
        this.a = a;
        this.b = b;
        this.columnScale = columnScale;
    }

    static DrtSystem build(MeasuredSpectrum spectrum, RbfBasis basis, DrtOptions options) {
        int n = spectrum.size();
        int first = options.inductance() ? 2 : 1;
        int cols = first + basis.size();
        double[] sigma = options.weighting() == Weighting.UNIT ? Weighting.UNIT.sigmas(spectrum)
                : Weighting.MODULUS.sigmas(spectrum);
        double[][] a = new double[2 * n][cols];
        double[] b = new double[2 * n];
        double[] omegas = new double[n];
        for (int i = 0; i < n; i++) {
            omegas[i] = 2 * Math.PI * spectrum.frequencyHz(i);
        }
        double[][] kernels = basis.kernels(omegas);
        for (int i = 0; i < n; i++) {
            double sRe = sigma[i];
            double sIm = sigma[n + i];
            a[i][0] = 1 / sRe;
            if (options.inductance()) {
                a[n + i][1] = omegas[i] / sIm;
            }
            double[] k = kernels[i];
            for (int m = 0; m < basis.size(); m++) {
                a[i][first + m] = k[2 * m] / sRe;
                a[n + i][first + m] = k[2 * m + 1] / sIm;
            }
            b[i] = spectrum.real(i) / sRe;
            b[n + i] = spectrum.imag(i) / sIm;
        }
        // each column's sum of squares over the rows in order, but row by row (along memory)
        double[] scale = new double[cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                scale[j] += row[j] * row[j];
            }
        }
        for (int j = 0; j < cols; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] /= scale[j];
            }
        }
        return new DrtSystem(spectrum, basis, options.inductance(), sigma, a, b, scale);
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
        return transposeTimesItself(a);
    }

    /**
     * ∫(γ'')² d ln τ as a quadratic form in the scaled columns: the basis's penalty (the same for
     * every sweep of a grid, so kept by the basis) divided by the columns' scales; R∞ and L are
     * not penalised. A new array.
     */
    double[][] penalty() {
        int cols = columns();
        int first = firstBasisColumn();
        double[][] unscaled = basis.penalty();
        double[][] out = new double[cols][cols];
        for (int m = 0; m < basis.size(); m++) {
            double[] row = out[first + m];
            double[] from = unscaled[m];
            double sm = columnScale[first + m];
            for (int k = 0; k < basis.size(); k++) {
                row[first + k] = from[k] / (sm * columnScale[first + k]);
            }
        }
        return out;
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

    /**
     * leftᵀ·left, symmetric: the upper triangle summed and mirrored (each entry is the same sum in
     * the same order as the full product's, at half the work). Rows are taken four at a time, each
     * entry still adding the first row's product, then the second's, the third's and the fourth's,
     * so the sums are the same to the last bit while the triangle is read and written a quarter
     * as often (the DRT's AᵀA, 142 rows of 83, in two thirds of the time row by row took).
     */
    static double[][] transposeTimesItself(double[][] left) {
        int p = left[0].length;
        double[][] out = new double[p][p];
        int r = 0;
        for (; r + 3 < left.length; r += 4) {
            double[] r0 = left[r];
            double[] r1 = left[r + 1];
            double[] r2 = left[r + 2];
            double[] r3 = left[r + 3];
            for (int i = 0; i < p; i++) {
                double v0 = r0[i];
                double v1 = r1[i];
                double v2 = r2[i];
                double v3 = r3[i];
                double[] o = out[i];
                if (v0 == 0 || v1 == 0 || v2 == 0 || v3 == 0) {
                    addRow(o, i, v0, r0);
                    addRow(o, i, v1, r1);
                    addRow(o, i, v2, r2);
                    addRow(o, i, v3, r3);
                    continue;
                }
                for (int j = i; j < p; j++) {
                    o[j] = o[j] + v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
                }
            }
        }
        for (; r < left.length; r++) {
            double[] row = left[r];
            for (int i = 0; i < p; i++) {
                addRow(out[i], i, row[i], row);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                out[i][j] = out[j][i];
            }
        }
        return out;
    }

    /** o[j] += v·row[j] for j ≥ i; nothing where v is zero (the product would add nothing). */
    private static void addRow(double[] o, int i, double v, double[] row) {
        if (v == 0) {
            return;
        }
        for (int j = i; j < o.length; j++) {
            o[j] += v * row[j];
        }
    }
}
