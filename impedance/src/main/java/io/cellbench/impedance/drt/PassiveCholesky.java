package io.cellbench.impedance.drt;

/**
 * The Cholesky factor LLᵀ of H's block on a set of variables that grows and shrinks one at a
 * time, as the active-set NNLS's passive set does: adding a variable appends a row to L (one
 * forward substitution), removing one deletes its row and restores the triangle with Givens
 * rotations (Golub and Van Loan, Matrix Computations, §6.5). Each costs O(p²) where factoring the
 * block from scratch at every step cost O(p³) and was a fifth of a DRT's time.
 */
final class PassiveCholesky {

    private final double[][] h;
    /** Row a of the factor belongs to variable order[a]. */
    private final int[] order;
    private final double[][] l;
    private int size;

    PassiveCholesky(double[][] h) {
        this.h = h;
        this.order = new int[h.length];
        this.l = new double[h.length][h.length];
    }

    /** Adds variable {@code j} (not in the set) as the factor's last row. */
    void add(int j) {
        double[] row = l[size];
        double[] hj = h[j];
        double rest = hj[j];
        for (int a = 0; a < size; a++) {
            double[] la = l[a];
            double sum = hj[order[a]];
            for (int b = 0; b < a; b++) {
                sum -= row[b] * la[b];
            }
            row[a] = sum / la[a];
            rest -= row[a] * row[a];
        }
        if (!(rest > 0)) {
            throw new IllegalStateException("the DRT's normal matrix is not positive definite at variable " + j);
        }
        row[size] = Math.sqrt(rest);
        order[size++] = j;
    }

    /** Removes variable {@code j} (in the set). */
    void remove(int j) {
        int k = 0;
        while (order[k] != j) {
            k++;
        }
        // drop row k: the rows below keep one entry right of the diagonal ...
        for (int a = k; a < size - 1; a++) {
            double[] next = l[a + 1];
            l[a + 1] = l[a];
            l[a] = next;
            order[a] = order[a + 1];
        }
        size--;
        java.util.Arrays.fill(l[size], 0);
        // ... which a rotation of columns a and a + 1 takes out (L ← LG leaves LLᵀ unchanged)
        for (int a = k; a < size; a++) {
            double x = l[a][a];
            double y = l[a][a + 1];
            double r = Math.hypot(x, y);
            double c = x / r;
            double s = y / r;
            for (int i = a; i < size; i++) {
                double[] li = l[i];
                double u = li[a];
                double v = li[a + 1];
                li[a] = c * u + s * v;
                li[a + 1] = c * v - s * u;
            }
            l[a][a + 1] = 0;
        }
    }

    /** The minimiser of ½xᵀHx − cᵀx over the set's variables, the others held at zero. */
    double[] solve(double[] c) {
        double[] y = new double[size];
        for (int a = 0; a < size; a++) {
            double[] la = l[a];
            double sum = c[order[a]];
            for (int b = 0; b < a; b++) {
                sum -= la[b] * y[b];
            }
            y[a] = sum / la[a];
        }
        for (int a = size - 1; a >= 0; a--) {
            double sum = y[a];
            for (int b = a + 1; b < size; b++) {
                sum -= l[b][a] * y[b];
            }
            y[a] = sum / l[a][a];
        }
        double[] z = new double[h.length];
        for (int a = 0; a < size; a++) {
            z[order[a]] = y[a];
        }
        return z;
    }
}
