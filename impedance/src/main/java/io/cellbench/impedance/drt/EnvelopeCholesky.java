package io.cellbench.impedance.drt;

/**
 * The Cholesky factor LLᵀ of the DRT's penalty and solves with it, on the penalty's envelope:
 * Gaussians a few widths apart do not overlap, so ∫φ_m''φ_k'' falls below rounding a dozen
 * grid points off the diagonal (and R∞ and L have only their ridge), and L is zero left of
 * where each row of the penalty starts to matter (a factor keeps its matrix's envelope). The
 * factor and the λ search's two triangular solves then cost n·b² and n²·b instead of n³/6
 * and n³/2 each, b the band's width (about 12 of 83 columns).
 */
final class EnvelopeCholesky {

    /**
     * An entry smaller than this against the geometric mean of its row's and column's diagonal
     * counts as zero: four orders of magnitude below what rounding already does to the factor.
     */
    static final double NEGLIGIBLE = 1e-20;

    /** L by rows; left of {@code from[i]} row i is zero. */
    private final double[][] lower;
    private final int[] from;

    private EnvelopeCholesky(double[][] lower, int[] from) {
        this.lower = lower;
        this.from = from;
    }

    /** Factors {@code a} (symmetric positive definite; not changed). */
    static EnvelopeCholesky of(double[][] a) {
        int n = a.length;
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            int k = 0;
            while (k < i && !(Math.abs(a[i][k]) > NEGLIGIBLE * Math.sqrt(a[i][i] * a[k][k]))) {
                k++;
            }
            from[i] = k;
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            for (int j = from[i]; j <= i; j++) {
                double[] lj = l[j];
                double sum = a[i][j];
                for (int k = Math.max(from[i], from[j]); k < j; k++) {
                    sum -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalStateException("the DRT's penalty is not positive definite at " + i);
                    }
                    li[i] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        return new EnvelopeCholesky(l, from);
    }

    /** L⁻¹B, row by row (each row of the result a combination of rows above); B is not changed. */
    double[][] solve(double[][] b) {
        int n = lower.length;
        int cols = b[0].length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = b[i].clone();
            double[] li = lower[i];
            for (int k = from[i]; k < i; k++) {
                double f = li[k];
                if (f != 0) {
                    double[] above = out[k];
                    for (int j = 0; j < cols; j++) {
                        row[j] -= f * above[j];
                    }
                }
            }
            double pivot = li[i];
            for (int j = 0; j < cols; j++) {
                row[j] /= pivot;
            }
            out[i] = row;
        }
        return out;
    }

    /** How many entries left of the diagonal row i keeps (tests). */
    int band(int i) {
        return i - from[i];
    }
}
