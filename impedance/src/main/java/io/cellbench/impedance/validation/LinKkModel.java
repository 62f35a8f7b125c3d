package io.cellbench.impedance.validation;

import io.cellbench.impedance.MeasuredSpectrum;

/**
 * The Lin-KK model for one M, fitted: Ẑ = R_ohm + Σ R_k/(1 + jωτ_k) + jωL [+ 1/(jωC)].
 * Every column and target is divided by |Z|, so each point counts by its relative error.
 */
record LinKkModel(double ohmic, double[] tau, double[] resistances, double inductance, double capacitance,
                  double mu, double rmsResidual) {

    static LinKkModel fit(MeasuredSpectrum s, int m, LinKkFit type, boolean withCapacitance) {
        int n = s.size();
        double[] tau = LinKk.timeConstants(s.frequenciesHz(), m);
        // columns: 0 = R_ohm, 1..m = R_k, m+1 = L, m+2 = 1/C (when present); each column one array
        // (the QR works down columns), real parts in rows 0..n−1 and imaginary parts in n..2n−1
        int cols = m + 2 + (withCapacitance ? 1 : 0);
        double[][] columns = new double[cols][2 * n];
        double[] z = new double[2 * n];
        double[] omega = new double[n];
        for (int i = 0; i < n; i++) {
            omega[i] = 2 * Math.PI * s.frequencyHz(i);
            double a = s.modulus(i);
            columns[0][i] = 1 / a;
            columns[m + 1][n + i] = omega[i] / a;
            if (withCapacitance) {
                columns[m + 2][n + i] = -1 / (omega[i] * a);
            }
            z[i] = s.real(i) / a;
            z[n + i] = s.imag(i) / a;
        }
        double[] inverseModulus = new double[n];
        for (int i = 0; i < n; i++) {
            inverseModulus[i] = 1 / s.modulus(i);
        }
        for (int k = 0; k < m; k++) {
            double[] column = columns[k + 1];
            for (int i = 0; i < n; i++) {
                double x = omega[i] * tau[k];
                // one division per element instead of four: these columns are built afresh for every M
                double re = inverseModulus[i] / (1 + x * x);
                column[i] = re;
                column[n + i] = -x * re;
            }
        }
        double[] x = switch (type) {
            case REAL -> realFit(columns, z, n, m, withCapacitance);
            case IMAG -> imagFit(s, columns, z, m);
            case COMPLEX -> LinKk.leastSquares(columns, z);
        };
        double[] r = new double[m];
        System.arraycopy(x, 1, r, 0, m);
        double capacitance = withCapacitance ? 1 / x[m + 2] : Double.NaN;
        return new LinKkModel(x[0], tau, r, x[m + 1], capacitance, LinKk.mu(r), rms(columns, x, z));
    }

    /** Re Z first; then L (and 1/C) from what the RC elements leave of Im Z. */
    private static double[] realFit(double[][] columns, double[] z, int n, int m, boolean cap) {
        double[] x = LinKk.leastSquares(rows(columns, 0, n), java.util.Arrays.copyOfRange(z, 0, n));
        int extra = cap ? 2 : 1;
        double[][] a = new double[extra][];
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int k = 1; k <= m; k++) {
                fitted += columns[k][n + i] * x[k];
            }
            rest[i] = z[n + i] - fitted;
        }
        a[0] = java.util.Arrays.copyOfRange(columns[m + 1], n, 2 * n);
        if (cap) {
            a[1] = java.util.Arrays.copyOfRange(columns[m + 2], n, 2 * n);
        }
        double[] lc = LinKk.leastSquares(a, rest);
        x[m + 1] = lc[0];
        if (cap) {
            x[m + 2] = lc[1];
        }
        return x;
    }

    /** Im Z first; then R_ohm as the 1/|Z|²-weighted mean of what the RC elements leave of Re Z (Boukamp 1995, eq. 7). */
    private static double[] imagFit(MeasuredSpectrum s, double[][] columns, double[] z, int m) {
        int n = s.size();
        double[] x = LinKk.leastSquares(rows(columns, n, 2 * n), java.util.Arrays.copyOfRange(z, n, 2 * n));
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            double a = s.modulus(i);
            double fitted = 0;
            for (int k = 1; k <= m; k++) {
                fitted += columns[k][i] * x[k] * a;
            }
            double w = 1 / (a * a);
            numerator += w * (s.real(i) - fitted);
            denominator += w;
        }
        x[0] = numerator / denominator;
        return x;
    }

    /** Rows {@code from} to {@code to} of every column. */
    private static double[][] rows(double[][] columns, int from, int to) {
        double[][] part = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            part[j] = java.util.Arrays.copyOfRange(columns[j], from, to);
        }
        return part;
    }

    /**
     * √(mean of the 2N squared residuals relative to |Z|), as {@link io.cellbench.impedance.Residuals}
     * computes it, from the columns (each already divided by |Z|) and the coefficients: the μ
     * criterion asks this of every M, and evaluating the model point by point took M divisions
     * and an array per point.
     */
    private static double rms(double[][] columns, double[] x, double[] z) {
        double[] residual = z.clone();
        for (int j = 0; j < columns.length; j++) {
            double[] column = columns[j];
            double xj = x[j];
            for (int i = 0; i < residual.length; i++) {
                residual[i] -= xj * column[i];
            }
        }
        double sum = 0;
        for (double v : residual) {
            sum += v * v;
        }
        return Math.sqrt(sum / residual.length);
    }

    /** Ẑ at {@code frequencyHz} as {re, im}. */
    double[] impedance(double frequencyHz) {
        double omega = 2 * Math.PI * frequencyHz;
        double re = ohmic;
        double im = omega * inductance;
        for (int k = 0; k < tau.length; k++) {
            double x = omega * tau[k];
            double d = 1 + x * x;
            re += resistances[k] / d;
            im -= resistances[k] * x / d;
        }
        if (!Double.isNaN(capacitance)) {
            im -= 1 / (omega * capacitance);
        }
        return new double[] {re, im};
    }
}
