package io.cellbench.impedance.fit;

/**
 * Moré's Levenberg–Marquardt (J. J. Moré, "The Levenberg–Marquardt algorithm: implementation and
 * theory", 1978; MINPACK's lmder, which Hipparchus' {@code LevenbergMarquardtOptimizer}
 * translates) with the same trust region, Marquardt scaling, tolerances and stopping tests, but
 * each step solved on the normal equations: (JᵀJ + λD²)p = Jᵀr by a Cholesky factor of the k × k
 * matrix ({@link DampedNormalEquations}) instead of a pivoted QR of the 2N × k Jacobian and
 * Givens rotations for every λ. A circuit's fit has 2N = 142 rows and k ≤ 10 columns, so JᵀJ is
 * formed once per Jacobian (one pass over it) and every trial λ costs a 9 × 9 factorisation.
 * The normal equations square J's condition number; the parameters are already scaled
 * (logarithms for the positive ones, {@link ParameterTransform}), the matrix is factored with
 * unit diagonal, and a factor that loses positive definiteness is treated as MINPACK treats a
 * rank-deficient Jacobian (no Gauss–Newton step; a larger λ).
 */
final class LevenbergMarquardt {

    /** The model: values (2N) at the point u and their derivatives by u, column j in {@code jacobian[j]}. */
    interface Model {
        void evaluate(double[] u, double[] values, double[][] jacobian);
    }

    /** The lowest-cost point evaluated, its Σr², whether a convergence test was met, and the evaluations made. */
    record Outcome(double[] point, double chiSquare, boolean converged, int evaluations) {
    }

    /** MINPACK's and Hipparchus' defaults (factor 100, tolerances 1e-10). */
    private static final double INITIAL_STEP_BOUND_FACTOR = 100;
    private static final double COST_TOLERANCE = 1e-10;
    private static final double PARAMETER_TOLERANCE = 1e-10;
    private static final double ORTHOGONALITY_TOLERANCE = 1e-10;
    private static final double TWO_EPS = 2 * Math.ulp(1d);

    private final Model model;
    private final double[] target;
    private final int rows;
    private final int cols;
    private final int maxEvaluations;
    private final DampedNormalEquations normal;
    private final double[] diag;
    private final double[] step;
    private double[] values;
    private double[][] jacobian;
    private double[] trialValues;
    private double[][] trialJacobian;
    private final double[] residual;
    private int evaluations;
    private double[] bestPoint;
    private double bestChiSquare = Double.POSITIVE_INFINITY;

    private LevenbergMarquardt(Model model, double[] target, int cols, int maxEvaluations) {
        this.model = model;
        this.target = target;
        this.rows = target.length;
        this.cols = cols;
        this.maxEvaluations = maxEvaluations;
        this.normal = new DampedNormalEquations(cols);
        this.diag = new double[cols];
        this.step = new double[cols];
        this.values = new double[rows];
        this.jacobian = new double[cols][rows];
        this.trialValues = new double[rows];
        this.trialJacobian = new double[cols][rows];
        this.residual = new double[rows];
    }

    /** Minimises Σ(target − model(u))² from {@code start}, with at most {@code maxEvaluations} evaluations. */
    static Outcome minimise(Model model, double[] target, double[] start, int maxEvaluations) {
        LevenbergMarquardt lm = new LevenbergMarquardt(model, target, start.length, maxEvaluations);
        boolean converged = lm.run(start.clone());
        return new Outcome(lm.bestPoint, lm.bestChiSquare, converged, lm.evaluations);
    }

    /** True when a convergence test was met; false when the evaluations ran out or the model cannot go on. */
    private boolean run(double[] u) {
        double cost = evaluate(u, values, jacobian);
        double[] trial = new double[cols];
        boolean first = true;
        double lmPar = 0;
        double delta = 0;
        double xNorm = 0;
        while (true) {
            residuals();
            if (!normal.form(jacobian, residual, rows)) {
                return false;
            }
            if (first) {
                for (int j = 0; j < cols; j++) {
                    diag[j] = normal.columnNorm(j) == 0 ? 1 : normal.columnNorm(j);
                }
                xNorm = scaledNorm(u);
                delta = xNorm == 0 ? INITIAL_STEP_BOUND_FACTOR : INITIAL_STEP_BOUND_FACTOR * xNorm;
            }
            double maxCosine = normal.maxCosine(cost);
            if (maxCosine <= ORTHOGONALITY_TOLERANCE) {
                return true;
            }
            for (int j = 0; j < cols; j++) {
                diag[j] = Math.max(diag[j], normal.columnNorm(j));
            }
            for (double ratio = 0; ratio < 1e-4; ) {
                lmPar = normal.step(delta, diag, lmPar, step);
                double lmNorm = scaledNorm(step);
                if (first) {
                    delta = Math.min(delta, lmNorm);
                }
                for (int j = 0; j < cols; j++) {
                    trial[j] = u[j] + step[j];
                }
                if (evaluations >= maxEvaluations) {
                    return false;
                }
                double trialCost = evaluate(trial, trialValues, trialJacobian);
                double actRed = 0.1 * trialCost < cost ? 1 - (trialCost / cost) * (trialCost / cost) : -1;
                double costSquared = cost * cost;
                double coeff1 = normal.quadraticForm(step) / costSquared;
                double coeff2 = lmPar * lmNorm * lmNorm / costSquared;
                double preRed = coeff1 + 2 * coeff2;
                double dirDer = -(coeff1 + coeff2);
                ratio = preRed == 0 ? 0 : actRed / preRed;
                if (ratio <= 0.25) {
                    double shrink = actRed < 0 ? 0.5 * dirDer / (dirDer + 0.5 * actRed) : 0.5;
                    if (0.1 * trialCost >= cost || shrink < 0.1) {
                        shrink = 0.1;
                    }
                    delta = shrink * Math.min(delta, 10 * lmNorm);
                    lmPar /= shrink;
                } else if (lmPar == 0 || ratio >= 0.75) {
                    delta = 2 * lmNorm;
                    lmPar *= 0.5;
                }
                if (ratio >= 1e-4) {
                    // the step is taken: the trial's values and Jacobian become the current ones
                    first = false;
                    System.arraycopy(trial, 0, u, 0, cols);
                    cost = trialCost;
                    double[] v = values;
                    values = trialValues;
                    trialValues = v;
                    double[][] jac = jacobian;
                    jacobian = trialJacobian;
                    trialJacobian = jac;
                    xNorm = scaledNorm(u);
                }
                if ((Math.abs(actRed) <= COST_TOLERANCE && preRed <= COST_TOLERANCE && ratio <= 2)
                        || delta <= PARAMETER_TOLERANCE * xNorm) {
                    return true;
                }
                // tolerances below what double precision can meet: Hipparchus gives up here
                if ((Math.abs(actRed) <= TWO_EPS && preRed <= TWO_EPS && ratio <= 2) || delta <= TWO_EPS * xNorm
                        || maxCosine <= TWO_EPS) {
                    return false;
                }
            }
        }
    }

    private void residuals() {
        for (int i = 0; i < rows; i++) {
            residual[i] = target[i] - values[i];
        }
    }

    /** Evaluates the model at u into the buffers given; returns ‖r‖ and remembers the best point seen. */
    private double evaluate(double[] u, double[] into, double[][] jacobianInto) {
        evaluations++;
        model.evaluate(u, into, jacobianInto);
        double chiSquare = 0;
        for (int i = 0; i < rows; i++) {
            double r = target[i] - into[i];
            chiSquare += r * r;
        }
        if (chiSquare < bestChiSquare || bestPoint == null) {
            bestChiSquare = chiSquare;
            bestPoint = u.clone();
        }
        return Math.sqrt(chiSquare);
    }

    private double scaledNorm(double[] x) {
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            double s = diag[j] * x[j];
            sum += s * s;
        }
        return Math.sqrt(sum);
    }
}
