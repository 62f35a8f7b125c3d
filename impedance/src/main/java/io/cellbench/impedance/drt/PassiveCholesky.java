package io.cellbench.impedance.drt;

/**
 * The Cholesky factor LLᵀ of H's block on a set of variables that grows and shrinks one at a
 * time, as the active-set NNLS's passive set does: adding a variable appends a row to L (one
 * forward substitution), removing one deletes its row and restores the triangle with Givens
 * rotations (Golub and Van Loan, Matrix Computations, §6.5). Each costs O(p²) where factoring the
 * block from scratch at every step cost O(p³) and was a fifth of a DRT's time.
 *
 * <p>The DRT's NNLS adds nearly every variable in turn (78.5 additions of 83 variables per
 * simulated coin sweep) and solves after each, always for the same c. The forward substitution's
 * first rows depend only on the factor's first rows, which adding a row leaves alone, so they are
 * kept and only the rows from the first changed one are substituted again; the back substitution
 * reads L by columns, so L is kept transposed as well and read along rows. Every number is
 * computed from the same operands in the same order as before, so the solutions are the same to
 * the last bit.
 */
final class PassiveCholesky {

    private final double[][] h;
    /** Row a of the factor belongs to variable order[a]. */
    private final int[] order;
    private final double[][] l;
    /** Lᵀ: {@code lt[a][i] = l[i][a]} for a ≤ i < size. */
    private final double[][] lt;
    private int size;
    /** L⁻¹c for the rows below {@code substituted}, for {@code substitutedFor} (compared by identity). */
    private final double[] forward;
    private int substituted;
    private double[] substitutedFor;

    PassiveCholesky(double[][] h) {
        this.h = h;
        this.order = new int[h.length];
        this.l = new double[h.length][h.length];
        this.lt = new double[h.length][h.length];
        this.forward = new double[h.length];
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
        for (int a = 0; a <= size; a++) {
            lt[a][size] = row[a];
        }
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
        // rows k on moved up and were rotated: their transpose and substitution are stale
        for (int i = k; i < size; i++) {
            double[] li = l[i];
            for (int a = 0; a <= i; a++) {
                lt[a][i] = li[a];
            }
        }
        substituted = Math.min(substituted, k);
    }

    /**
     * The minimiser of ½xᵀHx − cᵀx over the set's variables, the others held at zero. Keeps L⁻¹c
     * for the next call with the same array {@code c}, which must not have changed in between.
     */
    double[] solve(double[] c) {
        if (c != substitutedFor) {
            substitutedFor = c;
            substituted = 0;
        }
        double[] y = forward;
        for (int a = substituted; a < size; a++) {
            double[] la = l[a];
            double sum = c[order[a]];
            for (int b = 0; b < a; b++) {
                sum -= la[b] * y[b];
            }
            y[a] = sum / la[a];
        }
        substituted = size;
        double[] x = new double[size];
        for (int a = size - 1; a >= 0; a--) {
            double[] column = lt[a];
            double sum = y[a];
            for (int b = a + 1; b < size; b++) {
                sum -= column[b] * x[b];
            }
            x[a] = sum / column[a];
        }
        double[] z = new double[h.length];
        for (int a = 0; a < size; a++) {
            z[order[a]] = x[a];
        }
        return z;
    }
}
