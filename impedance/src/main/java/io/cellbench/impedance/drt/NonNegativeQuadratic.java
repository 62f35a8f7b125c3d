package io.cellbench.impedance.drt;

/**
 * min ½xᵀHx − cᵀx subject to x ≥ 0, H symmetric positive definite: the Lawson–Hanson
 * active-set method (Solving Least Squares Problems, 1974, ch. 23) written on the normal
 * equations, so each step is a Cholesky solve of the passive set's block, whose factor is updated
 * as variables enter and leave ({@link PassiveCholesky}). The regularised DRT is this problem
 * with H = AᵀA + λQ, c = Aᵀb.
 */
final class NonNegativeQuadratic {

    private NonNegativeQuadratic() {
    }

    static double[] solve(double[][] h, double[] c) {
        int n = c.length;
        double[] x = new double[n];
        boolean[] passive = new boolean[n];
        PassiveCholesky factor = new PassiveCholesky(h);
        double scale = 0;
        for (double v : c) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tolerance = 1e-12 * Math.max(scale, 1e-300);
        int maxOuter = 3 * n + 10;
        for (int outer = 0; outer < maxOuter; outer++) {
            double[] w = gradient(h, c, x);
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!passive[j] && w[j] > tolerance && (best < 0 || w[j] > w[best])) {
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            passive[best] = true;
            factor.add(best);
            for (int inner = 0; inner <= n; inner++) {
                double[] z = factor.solve(c);
                boolean feasible = true;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        feasible = false;
                        break;
                    }
                }
                if (feasible) {
                    x = z;
                    break;
                }
                // step from x towards z until the first passive variable reaches zero, then drop it
                double alpha = 1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        alpha = Math.min(alpha, x[j] / (x[j] - z[j]));
                    }
                }
                for (int j = 0; j < n; j++) {
                    x[j] += alpha * (z[j] - x[j]);
                    if (passive[j] && x[j] <= 1e-15 * Math.max(1, Math.abs(z[j]))) {
                        passive[j] = false;
                        factor.remove(j);
                        x[j] = 0;
                    }
                }
            }
        }
        return x;
    }

    /**
     * c − Hx: the descent direction; a variable at zero with a positive entry wants to grow. Only
     * the columns of H where x is not zero are summed (most of x is zero: the rest added nothing).
     */
    private static double[] gradient(double[][] h, double[] c, double[] x) {
        int n = c.length;
        int[] nonZero = new int[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (x[j] != 0) {
                nonZero[count++] = j;
            }
        }
        // Hx column by column (h is symmetric: row j is column j), so the inner loop runs down
        // contiguous memory with no sum waiting on the one before; each (Hx)_i is still summed
        // over the same j in the same order, so the gradient is the same to the last bit
        double[] hx = new double[n];
        for (int k = 0; k < count; k++) {
            int j = nonZero[k];
            double[] column = h[j];
            double xj = x[j];
            for (int i = 0; i < n; i++) {
                hx[i] += column[i] * xj;
            }
        }
        double[] w = c.clone();
        for (int i = 0; i < n; i++) {
            w[i] -= hx[i];
        }
        return w;
    }
}
