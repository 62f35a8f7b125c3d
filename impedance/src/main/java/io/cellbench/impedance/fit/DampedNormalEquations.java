package io.cellbench.impedance.fit;

import io.cellbench.impedance.DotProduct;

/**
 * The normal equations of one Levenberg–Marquardt iteration, (JᵀJ + λD²)p = Jᵀr, and the choice
 * of λ for a trust region of radius Δ (Moré 1978, MINPACK's lmpar): the λ ≥ 0 for which
 * ‖Dp‖ is within 10 % of Δ, or 0 when the Gauss–Newton step is inside it. JᵀJ and Jᵀr are
 * formed once per Jacobian; each trial λ is one Cholesky factorisation of the k × k matrix, with
 * its rows and columns scaled to a unit diagonal so that the factor's pivots measure how
 * independent the columns are.
 */
final class DampedNormalEquations {

    /** A pivot of the unit-diagonal matrix below this is rounding: the columns are dependent to working precision. */
    private static final double PIVOT_TOLERANCE = 1e-14;
    /** MINPACK tries λ at most 10 times per step. */
    private static final int LAMBDA_TRIALS = 10;

    private final int n;
    private final double[][] normal;
    private final double[] gradient;
    private final double[] norms;
    private final double[][] factor;
    private final double[] scale;
    private final double[] work;

    DampedNormalEquations(int n) {
        this.n = n;
        this.normal = new double[n][n];
        this.gradient = new double[n];
        this.norms = new double[n];
        this.factor = new double[n][n];
        this.scale = new double[n];
        this.work = new double[n];
    }

    /** JᵀJ and Jᵀr from the Jacobian's columns; false if either is not finite (the fit cannot go on). */
    boolean form(double[][] jacobian, double[] residual, int rows) {
        for (int j = 0; j < n; j++) {
            double[] column = jacobian[j];
            for (int k = 0; k <= j; k++) {
                double v = DotProduct.of(column, jacobian[k], 0, rows);
                normal[j][k] = v;
                normal[k][j] = v;
            }
            gradient[j] = DotProduct.of(column, residual, 0, rows);
            norms[j] = Math.sqrt(normal[j][j]);
            if (!Double.isFinite(norms[j]) || !Double.isFinite(gradient[j])) {
                return false;
            }
        }
        return true;
    }

    /** ‖J_j‖, the norm of column j. */
    double columnNorm(int j) {
        return norms[j];
    }

    /** The largest cosine between r and a column of J: 0 at a stationary point. */
    double maxCosine(double cost) {
        double max = 0;
        if (cost != 0) {
            for (int j = 0; j < n; j++) {
                if (norms[j] != 0) {
                    max = Math.max(max, Math.abs(gradient[j]) / (norms[j] * cost));
                }
            }
        }
        return max;
    }

    /** pᵀJᵀJp = ‖Jp‖², the model's predicted part of the reduction. */
    double quadraticForm(double[] p) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double row = 0;
            for (int k = 0; k < n; k++) {
                row += normal[j][k] * p[k];
            }
            sum += p[j] * row;
        }
        return sum;
    }

    /**
     * The step p into {@code step} and its λ (returned), for the trust region {@code delta} in
     * the norm ‖D·‖ and the previous step's λ as the first guess: MINPACK's lmpar, with
     * (JᵀJ + λD²)⁻¹ from a Cholesky factor where lmpar uses the QR of J and Givens rotations.
     */
    double step(double delta, double[] diag, double lmPar, double[] step) {
        boolean fullRank = factor(0, diag);
        double fp = Double.POSITIVE_INFINITY;
        double dxNorm = Double.POSITIVE_INFINITY;
        double parl = 0;
        if (fullRank) {
            solve(gradient, step);
            dxNorm = scaledNorm(diag, step);
            fp = dxNorm - delta;
            if (fp <= 0.1 * delta) {
                return 0;
            }
            // Newton's step on φ(λ) = ‖Dp(λ)‖ − Δ from λ = 0: a lower bound of its zero
            parl = fp / (delta * derivativeTerm(diag, step, dxNorm));
        }
        double gNorm = 0;
        for (int j = 0; j < n; j++) {
            double s = gradient[j] / diag[j];
            gNorm += s * s;
        }
        gNorm = Math.sqrt(gNorm);
        double paru = gNorm / delta;
        if (paru == 0) {
            paru = Double.MIN_NORMAL / Math.min(delta, 0.1);
        }
        double lambda = Math.min(paru, Math.max(lmPar, parl));
        if (lambda == 0) {
            lambda = gNorm / dxNorm;
        }
        for (int trial = 0; ; trial++) {
            if (lambda == 0) {
                lambda = Math.max(Double.MIN_NORMAL, 0.001 * paru);
            }
            if (!factor(lambda, diag)) {
                // still singular to working precision: λ is far below what the step needs
                parl = Math.max(parl, lambda);
                lambda = Math.max(10 * lambda, 1e-12);
                if (!Double.isFinite(lambda)) {
                    java.util.Arrays.fill(step, 0);
                    return lambda;
                }
                continue;
            }
            solve(gradient, step);
            dxNorm = scaledNorm(diag, step);
            double previousFp = fp;
            fp = dxNorm - delta;
            if (Math.abs(fp) <= 0.1 * delta || (parl == 0 && fp <= previousFp && previousFp < 0)
                    || trial >= LAMBDA_TRIALS) {
                return lambda;
            }
            double correction = fp / (delta * derivativeTerm(diag, step, dxNorm));
            if (fp > 0) {
                parl = Math.max(parl, lambda);
            } else if (fp < 0) {
                paru = Math.min(paru, lambda);
            }
            lambda = Math.max(parl, lambda + correction);
        }
    }

    /** qᵀ(JᵀJ + λD²)⁻¹q with q = D²p/‖Dp‖, from the factor in hand: −φ'(λ)·‖Dp‖. */
    private double derivativeTerm(double[] diag, double[] p, double dxNorm) {
        for (int j = 0; j < n; j++) {
            work[j] = diag[j] * diag[j] * p[j] / dxNorm / scale[j];
        }
        forward(work);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += work[j] * work[j];
        }
        return sum;
    }

    /** Cholesky factor of S⁻¹(JᵀJ + λD²)S⁻¹ with S² its diagonal; false when a pivot vanishes. */
    private boolean factor(double lambda, double[] diag) {
        for (int j = 0; j < n; j++) {
            double d = normal[j][j] + lambda * diag[j] * diag[j];
            if (!(d > 0)) {
                return false;
            }
            scale[j] = Math.sqrt(d);
        }
        for (int j = 0; j < n; j++) {
            double[] row = factor[j];
            for (int k = 0; k < j; k++) {
                double sum = normal[j][k] / (scale[j] * scale[k]);
                double[] other = factor[k];
                for (int m = 0; m < k; m++) {
                    sum -= row[m] * other[m];
                }
                row[k] = sum / other[k];
            }
            double pivot = 1;
            for (int m = 0; m < j; m++) {
                pivot -= row[m] * row[m];
            }
            if (!(pivot > PIVOT_TOLERANCE)) {
                return false;
            }
            row[j] = Math.sqrt(pivot);
        }
        return true;
    }

    /** x = (JᵀJ + λD²)⁻¹b with the factor in hand. */
    private void solve(double[] b, double[] x) {
        for (int j = 0; j < n; j++) {
            x[j] = b[j] / scale[j];
        }
        forward(x);
        for (int j = n - 1; j >= 0; j--) {
            double sum = x[j];
            for (int m = j + 1; m < n; m++) {
                sum -= factor[m][j] * x[m];
            }
            x[j] = sum / factor[j][j];
        }
        for (int j = 0; j < n; j++) {
            x[j] /= scale[j];
        }
    }

    /** y ← L⁻¹y. */
    private void forward(double[] y) {
        for (int j = 0; j < n; j++) {
            double sum = y[j];
            double[] row = factor[j];
            for (int m = 0; m < j; m++) {
                sum -= row[m] * y[m];
            }
            y[j] = sum / row[j];
        }
    }

    private double scaledNorm(double[] diag, double[] x) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double s = diag[j] * x[j];
            sum += s * s;
        }
        return Math.sqrt(sum);
    }
}
