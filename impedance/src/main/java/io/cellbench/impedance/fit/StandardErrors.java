package io.cellbench.impedance.fit;

import io.cellbench.impedance.DotProduct;
import java.util.Arrays;

/**
 * One-σ standard errors of the free parameters: cov = s²·(JᵀJ)⁻¹ with J the Jacobian of the
 * weighted residuals by the parameters themselves (not the optimiser's transformed ones) and
 * s² = χ²/(2N − k), as scipy's curve_fit reports them (absolute_sigma=False). The Jacobian's
 * columns are scaled to the parameters first and inverted through its singular values, so a
 * parameter the data cannot determine gets an infinite error instead of a meaningless number.
 * The SVD is a Householder QR of J and one-sided Jacobi rotations of the k × k R (the SVD of the
 * 142 × 9 J through Hipparchus' matrix objects was a fifth of the fit's time).
 */
final class StandardErrors {

    /** Singular values below this fraction of the largest count as zero: a direction the data do not see. */
    private static final double RANK_TOLERANCE = 1e-10;
    /** Columns count as orthogonal when their cosine is below this (one-sided Jacobi's usual test, ~ε). */
    private static final double ORTHOGONAL = 1e-15;
    /** One-sided Jacobi converges quadratically; 9 columns take 5–8 sweeps. */
    private static final int MAX_SWEEPS = 60;

    private StandardErrors() {
    }

    static double[] of(FitProblem problem, double[] p, double chiSquare) {
        int cols = problem.free.length;
        if (cols == 0) {
            return new double[0];
        }
        int rows = 2 * problem.points();
        double[] values = new double[rows];
        double[][] jacobian = new double[cols][rows];
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            double v = Math.abs(p[problem.free[j]]);
            scale[j] = v > 0 ? v : 1;
        }
        problem.evaluate(p, scale, values, jacobian);
        double[] errors = new double[cols];
        int dof = rows - cols;
        if (dof <= 0) {
            Arrays.fill(errors, Double.POSITIVE_INFINITY);
            return errors;
        }
        double s2 = chiSquare / dof;
        // J = QR, and R = UΣVᵀ: J's singular values and right vectors without its 2N × k SVD
        double[][] r = triangle(jacobian, rows);
        double[][] v = rotateToOrthogonal(r);
        double[] singular = new double[cols];
        double largest = 0;
        for (int k = 0; k < cols; k++) {
            singular[k] = Math.sqrt(sumOfSquares(r[k]));
            largest = Math.max(largest, singular[k]);
        }
        for (int a = 0; a < cols; a++) {
            double variance = 0;
            for (int k = 0; k < cols; k++) {
                double component = v[k][a];
                if (singular[k] <= RANK_TOLERANCE * largest) {
                    if (Math.abs(component) > 1e-6) {
                        variance = Double.POSITIVE_INFINITY;
                    }
                    continue;
                }
                variance += component * component / (singular[k] * singular[k]);
            }
            errors[a] = Math.sqrt(s2 * variance) * scale[a];
        }
        return errors;
    }

    /** R of J = QR by Householder reflections, J and R given by columns (J's are overwritten). */
    private static double[][] triangle(double[][] columns, int rows) {
        int cols = columns.length;
        double[][] r = new double[cols][cols];
        for (int k = 0; k < cols; k++) {
            double[] v = columns[k];
            double norm = Math.sqrt(DotProduct.of(v, v, k, rows));
            double alpha = v[k] > 0 ? -norm : norm;
            r[k][k] = alpha;
            if (alpha == 0) {
                // nothing left of this column below row k: no reflection, the row of R is as it stands
                for (int j = k + 1; j < cols; j++) {
                    r[j][k] = columns[j][k];
                }
                continue;
            }
            v[k] -= alpha;
            // H = I − vvᵀ/(−αv_k): each later column u becomes u + (vᵀu/(αv_k))·v
            double denominator = alpha * v[k];
            for (int j = k + 1; j < cols; j++) {
                double[] u = columns[j];
                double f = DotProduct.of(v, u, k, rows) / denominator;
                for (int i = k; i < rows; i++) {
                    u[i] += f * v[i];
                }
                r[j][k] = u[k];
            }
        }
        return r;
    }

    /**
     * One-sided Jacobi (Hestenes): rotates pairs of R's columns until all are orthogonal, so
     * that R·V has orthogonal columns whose norms are R's (and J's) singular values; returns V
     * by columns. Accurate for small singular values too, as the SVD of J it replaces.
     */
    private static double[][] rotateToOrthogonal(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int k = 0; k < n; k++) {
            v[k][k] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = sumOfSquares(a[p]);
                    double beta = sumOfSquares(a[q]);
                    double gamma = DotProduct.of(a[p], a[q], 0, n);
                    if (!(Math.abs(gamma) > ORTHOGONAL * Math.sqrt(alpha * beta))) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    rotate(a[p], a[q], c, c * t);
                    rotate(v[p], v[q], c, c * t);
                }
            }
            if (!rotated) {
                break;
            }
        }
        return v;
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }

    private static double sumOfSquares(double[] x) {
        return DotProduct.of(x, x, 0, x.length);
    }
}
