package io.cellbench.impedance.drt;

/**
 * The eigenvalues μ_i of a symmetric matrix C = VΛVᵀ and the coordinates g = Vᵀv of one vector
 * in its eigenvectors, without the eigenvectors: all that the λ search needs. Householder
 * reduction to a tridiagonal T = QᵀCQ with Qᵀ applied to v as it goes, then the implicit QL
 * method with Wilkinson shifts (Golub and Van Loan, Matrix Computations, §8.3) with its
 * rotations applied to that one vector instead of accumulated into V. Building V (as a general
 * eigen-decomposition does) cost three times the rest and was a sixth of a DRT's time.
 */
final class SymmetricSpectrum {

    private static final int MAX_SWEEPS = 60;

    final double[] eigenvalues;
    final double[] coordinates;

    private SymmetricSpectrum(double[] eigenvalues, double[] coordinates) {
        this.eigenvalues = eigenvalues;
        this.coordinates = coordinates;
    }

    /** Decomposes {@code c} (symmetric; overwritten) and projects {@code v} (not changed). */
    static SymmetricSpectrum of(double[][] c, double[] v) {
        int n = v.length;
        double[] z = v.clone();
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalise(c, z, d, e);
        diagonalise(d, e, z);
        return new SymmetricSpectrum(d, z);
    }

    /**
     * Reduces {@code a} column by column with reflections P = I − βwwᵀ applied on both sides
     * (only the trailing block changes), and to {@code z} on the left: T's diagonal in {@code d},
     * its subdiagonal in {@code e} (e[k] couples k and k + 1).
     */
    private static void tridiagonalise(double[][] a, double[] z, double[] d, double[] e) {
        int n = d.length;
        double[] w = new double[n];
        double[] q = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double below = 0;
            for (int i = k + 2; i < n; i++) {
                below += a[i][k] * a[i][k];
            }
            double x0 = a[k + 1][k];
            if (below == 0) {
                e[k] = x0; // already tridiagonal in this column
                continue;
            }
            double norm = Math.sqrt(x0 * x0 + below);
            double alpha = x0 > 0 ? -norm : norm;
            w[k + 1] = x0 - alpha;
            for (int i = k + 2; i < n; i++) {
                w[i] = a[i][k];
            }
            double beta = 1 / (norm * norm - x0 * alpha); // 2/(wᵀw), as wᵀw = 2(‖x‖² − x0·α)
            // p = βSw, q = p − (βwᵀp/2)w; S ← S − wqᵀ − qwᵀ, on S's lower triangle only (S is
            // symmetric): row i gives (Sw)_i its part left of the diagonal and, as S's column i
            // above it, (Sw)_j for j < i its part a_ij·w_i; half the update's work
            for (int i = k + 1; i < n; i++) {
                q[i] = 0;
            }
            symmetricProduct(a, w, q, k + 1);
            double wp = 0;
            for (int i = k + 1; i < n; i++) {
                q[i] *= beta;
                wp += w[i] * q[i];
            }
            double half = 0.5 * beta * wp;
            for (int i = k + 1; i < n; i++) {
                q[i] -= half * w[i];
            }
            for (int i = k + 1; i < n; i++) {
                double[] ai = a[i];
                double wi = w[i];
                double qi = q[i];
                for (int j = k + 1; j <= i; j++) {
                    ai[j] -= wi * q[j] + qi * w[j];
                }
            }
            double wz = 0;
            for (int i = k + 1; i < n; i++) {
                wz += w[i] * z[i];
            }
            wz *= beta;
            for (int i = k + 1; i < n; i++) {
                z[i] -= wz * w[i];
            }
            e[k] = alpha;
        }
        if (n > 1) {
            e[n - 2] = a[n - 1][n - 2];
        }
        e[n - 1] = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
    }

    /**
     * q += Sw for S the trailing block of {@code a} from {@code from} on, read from its lower
     * triangle. Rows go two at a time: their dot products with w are two independent sums, so
     * the adder works on one while the other waits on its latency (one row's sum alone waited at
     * every element). Each sum and each q_j still takes its terms in the order row by row took
     * them (q_j row i's term before row i + 1's), so the product is the same to the last bit.
     */
    private static void symmetricProduct(double[][] a, double[] w, double[] q, int from) {
        int n = w.length;
        int i = from;
        for (; i + 1 < n; i += 2) {
            double[] ai = a[i];
            double[] next = a[i + 1];
            double wi = w[i];
            double wNext = w[i + 1];
            double sum = 0;
            double sumNext = 0;
            for (int j = from; j < i; j++) {
                double x = ai[j];
                double y = next[j];
                sum += x * w[j];
                sumNext += y * w[j];
                q[j] = q[j] + x * wi + y * wNext;
            }
            q[i] += sum + ai[i] * wi;
            sumNext += next[i] * w[i];
            q[i] += next[i] * wNext;
            q[i + 1] += sumNext + next[i + 1] * wNext;
        }
        if (i < n) {
            double[] ai = a[i];
            double wi = w[i];
            double sum = 0;
            for (int j = from; j < i; j++) {
                sum += ai[j] * w[j];
                q[j] += ai[j] * wi;
            }
            q[i] += sum + ai[i] * wi;
        }
    }

    /**
     * The implicit QL method on T (diagonal {@code d}, subdiagonal {@code e}, destroyed): leaves
     * the eigenvalues in {@code d}; each rotation T ← GᵀTG is applied to the row vector zᵀ as
     * zᵀ ← zᵀG, so zᵀ ends as zᵀW = (Wᵀz)ᵀ.
     */
    private static void diagonalise(double[] d, double[] e, double[] z) {
        int n = d.length;
        for (int l = 0; l < n; l++) {
            int sweeps = 0;
            while (true) {
                int m = l;
                while (m < n - 1 && Math.abs(e[m]) > 0x1p-52 * (Math.abs(d[m]) + Math.abs(d[m + 1]))) {
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++sweeps > MAX_SWEEPS) {
                    throw new IllegalStateException("the DRT's eigenvalues did not converge");
                }
                // Wilkinson's shift: the eigenvalue of T's leading 2×2 block nearer d[l]
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean deflated = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        // an underflow split T: take the shift back and start again
                        d[i + 1] -= p;
                        e[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    double zi = z[i];
                    double zi1 = z[i + 1];
                    z[i + 1] = s * zi + c * zi1;
                    z[i] = c * zi - s * zi1;
                }
                if (!deflated) {
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            }
        }
    }

    /**
     * √(f² + g²): by the square root where the squares can neither overflow nor underflow, which
     * is within an ulp of {@link Math#hypot} and several times cheaper (the QL method takes one
     * for each rotation, thousands per DRT; Math.hypot was most of its time).
     */
    static double hypot(double f, double g) {
        double sum = f * f + g * g;
        return sum > 0x1p-968 && sum < 0x1p968 ? Math.sqrt(sum) : Math.hypot(f, g);
    }
}
