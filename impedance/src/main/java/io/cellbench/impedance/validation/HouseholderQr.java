package io.cellbench.impedance.validation;

import io.cellbench.impedance.DotProduct;

/**
 * The least-squares solution of ax = b by Householder QR, on the matrix's columns as arrays (each
 * reflection runs down contiguous memory). Lin-KK solves up to ~30 of these per sweep, every
 * sweep of a run; this does the arithmetic of Hipparchus' QRDecomposition without its copying
 * into and out of matrix objects: Lin-KK took 1.41 ms of CPU per sweep instead of 1.66.
 */
final class HouseholderQr {

    private HouseholderQr() {
    }

    /**
     * x minimising ‖ax − b‖, or null when a diagonal element of R is {@code tolerance} or smaller
     * in magnitude (a column dependent on the others: the caller decides what then).
     */
    static double[] solve(double[][] a, double[] b, double tolerance) {
        int rows = a.length;
        int cols = a[0].length;
        double[][] qr = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                qr[j][i] = a[i][j];
            }
        }
        return solveColumns(qr, b, tolerance);
    }

    /** As {@link #solve}, for the matrix given by its columns, which are overwritten by the reflections. */
    static double[] solveColumns(double[][] qr, double[] b, double tolerance) {
        int rows = b.length;
        int cols = qr.length;
        double[] y = b.clone();
        double[] diagonal = new double[cols];
        for (int k = 0; k < cols; k++) {
            double[] v = qr[k];
            double norm = 0;
            for (int i = k; i < rows; i++) {
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            double alpha = v[k] > 0 ? -norm : norm;
            diagonal[k] = alpha;
            if (alpha == 0) {
                return null;
            }
            // v = x − αe₁ and vᵀv = −2αv_k, so (I − 2vvᵀ/vᵀv)u = u + (vᵀu / (αv_k))v
            v[k] -= alpha;
            double denominator = alpha * v[k];
            for (int j = k + 1; j < cols; j++) {
                reflect(v, qr[j], k, rows, denominator);
            }
            reflect(v, y, k, rows, denominator);
        }
        for (double d : diagonal) {
            if (Math.abs(d) <= tolerance) {
                return null;
            }
        }
        double[] x = new double[cols];
        for (int j = cols - 1; j >= 0; j--) {
            double sum = y[j];
            for (int k = j + 1; k < cols; k++) {
                sum -= qr[k][j] * x[k];
            }
            x[j] = sum / diagonal[j];
        }
        return x;
    }

    private static void reflect(double[] v, double[] u, int from, int rows, double denominator) {
        // the QR's dot products were most of Lin-KK's time: four running sums, not one
        double f = DotProduct.of(v, u, from, rows) / denominator;
        for (int i = from; i < rows; i++) {
            u[i] += f * v[i];
        }
    }
}
