package io.cellbench.impedance.validation;

import io.cellbench.impedance.MeasuredSpectrum;

/**
 * The Lin-KK model for one M, fitted: Ẑ = R_ohm + Σ R_k/(1 + jωτ_k) + jωL [+ 1/(jωC)].
 * Every column and target is divided by |Z|, so each point counts by its relative error.
 */
record LinKkModel(double ohmic, double[] tau, double[] resistances, double inductance, double capacitance,
                  double mu) {

    static LinKkModel fit(MeasuredSpectrum s, int m, LinKkFit type, boolean withCapacitance) {
        int n = s.size();
        double[] tau = LinKk.timeConstants(s.frequenciesHz(), m);
        // columns: 0 = R_ohm, 1..m = R_k, m+1 = L, m+2 = 1/C (when present)
        int cols = m + 2 + (withCapacitance ? 1 : 0);
        double[][] re = new double[n][cols];
        double[][] im = new double[n][cols];
        double[] zRe = new double[n];
        double[] zIm = new double[n];
        for (int i = 0; i < n; i++) {
            double omega = 2 * Math.PI * s.frequencyHz(i);
            double a = s.modulus(i);
            re[i][0] = 1 / a;
            for (int k = 0; k < m; k++) {
                double x = omega * tau[k];
                double d = 1 + x * x;
                re[i][k + 1] = 1 / d / a;
                im[i][k + 1] = -x / d / a;
            }
            im[i][m + 1] = omega / a;
            if (withCapacitance) {
                im[i][m + 2] = -1 / (omega * a);
            }
            zRe[i] = s.real(i) / a;
            zIm[i] = s.imag(i) / a;
        }
        double[] x = switch (type) {
            case REAL -> realFit(re, im, zRe, zIm, m, withCapacitance);
            case IMAG -> imagFit(s, re, im, zIm, m);
            case COMPLEX -> LinKk.leastSquares(stack(re, im), concat(zRe, zIm));
        };
        double[] r = new double[m];
        System.arraycopy(x, 1, r, 0, m);
        double capacitance = withCapacitance ? 1 / x[m + 2] : Double.NaN;
        return new LinKkModel(x[0], tau, r, x[m + 1], capacitance, LinKk.mu(r));
    }

    /** Re Z first; then L (and 1/C) from what the RC elements leave of Im Z. */
    private static double[] realFit(double[][] re, double[][] im, double[] zRe, double[] zIm, int m, boolean cap) {
        double[] x = LinKk.leastSquares(re, zRe);
        int n = zRe.length;
        int extra = cap ? 2 : 1;
        double[][] a = new double[n][extra];
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int k = 1; k <= m; k++) {
                fitted += im[i][k] * x[k];
            }
            rest[i] = zIm[i] - fitted;
            a[i][0] = im[i][m + 1];
            if (cap) {
                a[i][1] = im[i][m + 2];
            }
        }
        double[] lc = LinKk.leastSquares(a, rest);
        x[m + 1] = lc[0];
        if (cap) {
            x[m + 2] = lc[1];
        }
        return x;
    }

    /** Im Z first; then R_ohm as the 1/|Z|²-weighted mean of what the RC elements leave of Re Z (Boukamp 1995, eq. 7). */
    private static double[] imagFit(MeasuredSpectrum s, double[][] re, double[][] im, double[] zIm, int m) {
        double[] x = LinKk.leastSquares(im, zIm);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < zIm.length; i++) {
            double a = s.modulus(i);
            double fitted = 0;
            for (int k = 1; k <= m; k++) {
                fitted += re[i][k] * x[k] * a;
            }
            double w = 1 / (a * a);
            numerator += w * (s.real(i) - fitted);
            denominator += w;
        }
        x[0] = numerator / denominator;
        return x;
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

    private static double[][] stack(double[][] top, double[][] bottom) {
        double[][] all = new double[top.length + bottom.length][];
        System.arraycopy(top, 0, all, 0, top.length);
        System.arraycopy(bottom, 0, all, top.length, bottom.length);
        return all;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
