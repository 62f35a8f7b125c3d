package io.cellbench.impedance.drt;

/**
 * The regularisation parameter λ, by the corner of the L-curve (Hansen 1992: the λ of largest
 * curvature of log‖b − Ax_λ‖² against log x_λᵀQx_λ) or by generalised cross-validation
 * (Golub, Heath and Wahba 1979, as pyDRTtools chooses it: the λ that minimises GCV(λ) = m·‖b − A x_λ‖² / (m − tr H_λ)², with x_λ the unconstrained
 * minimiser of ‖Ax − b‖² + λ xᵀQx and H_λ = A(AᵀA + λQ)⁻¹Aᵀ. With Q = LLᵀ and
 * L⁻¹AᵀAL⁻ᵀ = VΛVᵀ decomposed once, every λ costs O(n):
 * tr H = Σ μ_i/(μ_i + λ), ‖b − Ax‖² = bᵀb − Σ g_i²(μ_i + 2λ)/(μ_i + λ)², xᵀQx = Σ g_i²/(μ_i + λ)²,
 * g = VᵀL⁻¹Aᵀb. Both search λ from 1e-10 to 1e2 (the columns of A have unit norm, so that range
 * is the same for every spectrum).
 */
final class LambdaChoice {

    private static final double LOG_MIN = Math.log(1e-10);
    private static final double LOG_MAX = Math.log(1e2);
    private static final int GRID = 61;

    private final double[] mu;
    private final double[] g2;
    private final double bb;
    private final int rows;

    private LambdaChoice(double[] mu, double[] g2, double bb, int rows) {
        this.mu = mu;
        this.g2 = g2;
        this.bb = bb;
        this.rows = rows;
    }

    /**
     * λ by {@code rule}, for {@code gram} = AᵀA, {@code atb} = Aᵀb, {@code penalty} = Q (positive
     * definite), bb = bᵀb and {@code rows} data.
     */
    static double choose(DrtOptions.LambdaRule rule, double[][] gram, double[] atb, double[][] penalty, double bb,
                         int rows) {
        LambdaChoice choice = of(gram, atb, penalty, bb, rows);
        return switch (rule) {
            case L_CURVE -> choice.corner();
            case GCV -> choice.minimise();
        };
    }

    private static LambdaChoice of(double[][] gram, double[] atb, double[][] penalty, double bb, int rows) {
        int n = atb.length;
        EnvelopeCholesky lower = EnvelopeCholesky.of(penalty);
        // C = L⁻¹(AᵀA)L⁻ᵀ by two triangular solves: X = L⁻¹AᵀA, then C = L⁻¹Xᵀ (= XL⁻ᵀ, as C is symmetric)
        double[][] x = lower.solve(gram);
        double[][] c = lower.solve(transpose(x));
        // symmetrise: rounding in the solves leaves it asymmetric by ~1e-16 relative
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (c[i][j] + c[j][i]);
                c[i][j] = mean;
                c[j][i] = mean;
            }
        }
        double[][] column = new double[n][1];
        for (int i = 0; i < n; i++) {
            column[i][0] = atb[i];
        }
        double[][] liAtb = lower.solve(column);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = liAtb[i][0];
        }
        SymmetricSpectrum spectrum = SymmetricSpectrum.of(c, v);
        double[] mu = spectrum.eigenvalues;
        double[] g2 = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = Math.max(mu[i], 0);
            g2[i] = spectrum.coordinates[i] * spectrum.coordinates[i];
        }
        return new LambdaChoice(mu, g2, bb, rows);
    }

    /**
     * The L-curve's corner, searched for λ up to 1 only: on a spectrum with next to no noise the
     * curve has no real corner and its curvature peaks at a λ that flattens every arc into one.
     */
    private double corner() {
        double logMax = 0;
        int count = 4 * (GRID - 1) + 1;
        double step = (logMax - LOG_MIN) / (count - 1);
        double[] rho = new double[count];
        double[] eta = new double[count];
        for (int k = 0; k < count; k++) {
            double lambda = Math.exp(LOG_MIN + k * step);
            double explained = 0;
            double seminorm = 0;
            for (int i = 0; i < mu.length; i++) {
                double d = mu[i] + lambda;
                explained += g2[i] * (mu[i] + 2 * lambda) / (d * d);
                seminorm += g2[i] / (d * d);
            }
            rho[k] = Math.log(Math.max(bb - explained, 1e-300));
            eta[k] = Math.log(Math.max(seminorm, 1e-300));
        }
        int best = 1;
        double bestCurvature = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < count - 1; k++) {
            double r1 = (rho[k + 1] - rho[k - 1]) / (2 * step);
            double e1 = (eta[k + 1] - eta[k - 1]) / (2 * step);
            double r2 = (rho[k + 1] - 2 * rho[k] + rho[k - 1]) / (step * step);
            double e2 = (eta[k + 1] - 2 * eta[k] + eta[k - 1]) / (step * step);
            double curvature = (r1 * e2 - r2 * e1) / Math.pow(r1 * r1 + e1 * e1, 1.5);
            if (curvature > bestCurvature) {
                bestCurvature = curvature;
                best = k;
            }
        }
        return Math.exp(LOG_MIN + best * step);
    }

    private double minimise() {
        double step = (LOG_MAX - LOG_MIN) / (GRID - 1);
        double bestLog = LOG_MIN;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < GRID; k++) {
            double logLambda = LOG_MIN + k * step;
            double value = gcv(logLambda);
            if (value < best) {
                best = value;
                bestLog = logLambda;
            }
        }
        // golden-section search within one grid step either side
        double a = bestLog - step;
        double b = bestLog + step;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int iteration = 0; iteration < 40; iteration++) {
            double x1 = b - ratio * (b - a);
            double x2 = a + ratio * (b - a);
            if (gcv(x1) < gcv(x2)) {
                b = x2;
            } else {
                a = x1;
            }
        }
        return Math.exp(0.5 * (a + b));
    }

    double gcv(double logLambda) {
        double lambda = Math.exp(logLambda);
        double trace = 0;
        double explained = 0;
        for (int i = 0; i < mu.length; i++) {
            double d = mu[i] + lambda;
            trace += mu[i] / d;
            explained += g2[i] * (mu[i] + 2 * lambda) / (d * d);
        }
        double residual = Math.max(bb - explained, 0);
        double free = rows - trace;
        return rows * residual / (free * free);
    }

    private static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = a[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
