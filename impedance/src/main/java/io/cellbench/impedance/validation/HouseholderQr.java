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
            int j = k + 1;
            for (; j + 1 < cols; j += 2) {
                reflectTwo(v, qr[j], qr[j + 1], k, rows, denominator);
            }
            if (j < cols) {
                reflectTwo(v, qr[j], y, k, rows, denominator);
            } else {
                reflect(v, y, k, rows, denominator);
            }
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

    /**
     * {@link #reflect} on two columns at once: their dot products in one pass, each in the four
     * running sums {@link DotProduct} keeps, in the same order (so the same to the last bit). Four
     * sums still waited on the adder's latency; eight independent ones keep it busy.
     */
    private static void reflectTwo(double[] v, double[] u, double[] t, int from, int rows, double denominator) {
        double u0 = 0;
        double u1 = 0;
        double u2 = 0;
        double u3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = from;
        for (; i + 3 < rows; i += 4) {
            u0 += v[i] * u[i];
            u1 += v[i + 1] * u[i + 1];
            u2 += v[i + 2] * u[i + 2];
            u3 += v[i + 3] * u[i + 3];
            t0 += v[i] * t[i];
            t1 += v[i + 1] * t[i + 1];
            t2 += v[i + 2] * t[i + 2];
            t3 += v[i + 3] * t[i + 3];
        }
        for (; i < rows; i++) {
            u0 += v[i] * u[i];
            t0 += v[i] * t[i];
        }
        double fu = ((u0 + u1) + (u2 + u3)) / denominator;
        double ft = ((t0 + t1) + (t2 + t3)) / denominator;
        for (i = from; i < rows; i++) {
            u[i] += fu * v[i];
            t[i] += ft * v[i];
        }
    }
}
