package io.cellbench.impedance.fit;

import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * One-σ standard errors of the free parameters: cov = s²·(JᵀJ)⁻¹ with J the Jacobian of the
 * weighted residuals by the parameters themselves (not the optimiser's transformed ones) and
 * s² = χ²/(2N − k), as scipy's curve_fit reports them (absolute_sigma=False). The Jacobian's
 * columns are scaled to the parameters first and inverted through an SVD, so a parameter the
 * data cannot determine gets an infinite error instead of a meaningless number.
 */
final class StandardErrors {

    /** Singular values below this fraction of the largest count as zero: a direction the data do not see. */
    private static final double RANK_TOLERANCE = 1e-10;

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
        RealMatrix j = new Array2DRowRealMatrix(jacobian, false).transpose();
        SingularValueDecomposition svd = new SingularValueDecomposition(j);
        double[] singular = svd.getSingularValues();
        RealMatrix v = svd.getV();
        double largest = singular.length > 0 ? singular[0] : 0;
        for (int a = 0; a < cols; a++) {
            double variance = 0;
            for (int k = 0; k < singular.length; k++) {
                double component = v.getEntry(a, k);
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
}
