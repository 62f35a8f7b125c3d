package io.cellbench.impedance.circuit;

import org.hipparchus.complex.Complex;

/**
 * Z and dZ/dp of one element at every frequency of a sweep ({@link SweepImpedance}): the
 * formulas of {@link ElementImpedance} written out in doubles for the elements of the usual
 * circuits (R, C, L, CPE, W, K, Zarc), with what depends only on the parameters computed once per
 * call, ln ω and 1/√ω taken from the sweep, ω^α as e^(α ln ω), and complex products in plain
 * arithmetic. The other elements, and any point where these give a value that is not finite, go
 * through {@link ElementImpedance}'s {@code Complex} formulas point by point, so both ways agree
 * on where the fit may use a value.
 */
final class SweepElements {

    private static final double HALF_PI = Math.PI / 2;

    private SweepElements() {
    }

    static void evaluate(SweepImpedance sweep, ElementType type, int offset, double[] p, double[] re, double[] im,
                         boolean derivatives) {
        int n = sweep.points;
        double[] w = sweep.omega;
        double[] dRe0 = sweep.derivativeRe[offset];
        double[] dIm0 = sweep.derivativeIm[offset];
        double a = p[offset];
        switch (type) {
            case R -> {
                java.util.Arrays.fill(re, a);
                java.util.Arrays.fill(im, 0);
                if (derivatives) {
                    java.util.Arrays.fill(dRe0, 1);
                    java.util.Arrays.fill(dIm0, 0);
                }
            }
            case L -> {
                for (int i = 0; i < n; i++) {
                    re[i] = 0;
                    im[i] = w[i] * a;
                    if (derivatives) {
                        dRe0[i] = 0;
                        dIm0[i] = w[i];
                    }
                }
            }
            case C -> {
                for (int i = 0; i < n; i++) {
                    re[i] = 0;
                    im[i] = -1 / (w[i] * a);
                    if (derivatives) {
                        dRe0[i] = 0;
                        dIm0[i] = 1 / (w[i] * a * a);
                    }
                }
            }
            case W -> {
                double[] unit = sweep.inverseRootOmega;
                for (int i = 0; i < n; i++) {
                    re[i] = unit[i] * a;
                    im[i] = -unit[i] * a;
                    if (derivatives) {
                        dRe0[i] = unit[i];
                        dIm0[i] = -unit[i];
                    }
                }
            }
            case CPE -> cpe(sweep, a, p[offset + 1], re, im, derivatives, dRe0, dIm0, offset);
            case K -> voigt(sweep, a, p[offset + 1], re, im, derivatives, dRe0, dIm0, offset);
            case Zarc -> zarc(sweep, a, p[offset + 1], p[offset + 2], re, im, derivatives, dRe0, dIm0, offset);
            default -> {
                for (int i = 0; i < n; i++) {
                    byComplex(sweep, type, offset, p, re, im, derivatives, i);
                }
                return;
            }
        }
        // where the formulas above overflowed or divided by zero, Complex's arithmetic decides
        int end = offset + type.parameterCount();
        boolean finite = finite(re, n) && finite(im, n);
        for (int k = offset; derivatives && finite && k < end; k++) {
            finite = finite(sweep.derivativeRe[k], n) && finite(sweep.derivativeIm[k], n);
        }
        for (int i = 0; !finite && i < n; i++) {
            boolean usable = Double.isFinite(re[i]) && Double.isFinite(im[i]);
            for (int k = offset; derivatives && usable && k < end; k++) {
                usable = Double.isFinite(sweep.derivativeRe[k][i]) && Double.isFinite(sweep.derivativeIm[k][i]);
            }
            if (!usable) {
                byComplex(sweep, type, offset, p, re, im, derivatives, i);
            }
        }
    }

    /** Whether x[0 … n) are all finite: x·0 is 0 for a finite x and NaN otherwise, summed without a branch per point. */
    private static boolean finite(double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += x[i] * 0;
            s1 += x[i + 1] * 0;
        }
        for (; i < n; i++) {
            s0 += x[i] * 0;
        }
        return s0 + s1 == 0;
    }

    /** 1/(Q(jω)^α) = e^(−α ln ω)/Q · (cos, −sin)(απ/2); dZ/dQ = −Z/Q, dZ/dα = Z·(−ln ω − jπ/2). */
    private static void cpe(SweepImpedance sweep, double q, double alpha, double[] re, double[] im, boolean derivatives,
                            double[] dRe0, double[] dIm0, int offset) {
        double cos = Math.cos(alpha * HALF_PI);
        double sin = -Math.sin(alpha * HALF_PI);
        double[] log = sweep.logOmega;
        double[] dRe1 = sweep.derivativeRe[offset + 1];
        double[] dIm1 = sweep.derivativeIm[offset + 1];
        for (int i = 0; i < sweep.points; i++) {
            double modulus = Math.exp(-alpha * log[i]) / q;
            double zr = modulus * cos;
            double zi = modulus * sin;
            re[i] = zr;
            im[i] = zi;
            if (derivatives) {
                dRe0[i] = zr / -q;
                dIm0[i] = zi / -q;
                dRe1[i] = -zr * log[i] + zi * HALF_PI;
                dIm1[i] = -zr * HALF_PI - zi * log[i];
            }
        }
    }

    /** R/(1 + jωτ); dZ/dR = 1/(1 + jωτ), dZ/dτ = −jωR/(1 + jωτ)². */
    private static void voigt(SweepImpedance sweep, double r, double tau, double[] re, double[] im, boolean derivatives,
                              double[] dRe0, double[] dIm0, int offset) {
        double[] w = sweep.omega;
        double[] dRe1 = sweep.derivativeRe[offset + 1];
        double[] dIm1 = sweep.derivativeIm[offset + 1];
        for (int i = 0; i < sweep.points; i++) {
            // Smith's reciprocal, as Complex's: (ωτ)² would overflow long before the result does
            ComplexParts.reciprocal(1, w[i] * tau, re, im, i);
            double sr = re[i];
            double si = im[i];
            re[i] = sr * r;
            im[i] = si * r;
            if (derivatives) {
                dRe0[i] = sr;
                dIm0[i] = si;
                // shape²·(−jωR)
                double s2r = sr * sr - si * si;
                double s2i = 2 * sr * si;
                double k = -r * w[i];
                dRe1[i] = -s2i * k;
                dIm1[i] = s2r * k;
            }
        }
    }

    /** R/(1 + x), x = (jωτ)^γ; dZ/dτ = −R·x/(1 + x)²·γ/τ, dZ/dγ = −R·x/(1 + x)²·(ln ωτ + jπ/2). */
    private static void zarc(SweepImpedance sweep, double r, double tau, double gamma, double[] re, double[] im,
                             boolean derivatives, double[] dRe0, double[] dIm0, int offset) {
        double cos = Math.cos(gamma * HALF_PI);
        double sin = Math.sin(gamma * HALF_PI);
        double logTau = Math.log(tau);
        double[] log = sweep.logOmega;
        double[] dRe1 = sweep.derivativeRe[offset + 1];
        double[] dIm1 = sweep.derivativeIm[offset + 1];
        double[] dRe2 = sweep.derivativeRe[offset + 2];
        double[] dIm2 = sweep.derivativeIm[offset + 2];
        for (int i = 0; i < sweep.points; i++) {
            double logWt = log[i] + logTau;
            double modulus = Math.exp(gamma * logWt);
            double xr = modulus * cos;
            double xi = modulus * sin;
            ComplexParts.reciprocal(1 + xr, xi, re, im, i);
            double sr = re[i];
            double si = im[i];
            re[i] = sr * r;
            im[i] = si * r;
            if (derivatives) {
                dRe0[i] = sr;
                dIm0[i] = si;
                double s2r = sr * sr - si * si;
                double s2i = 2 * sr * si;
                double cr = -r * (s2r * xr - s2i * xi);
                double ci = -r * (s2r * xi + s2i * xr);
                dRe1[i] = cr * (gamma / tau);
                dIm1[i] = ci * (gamma / tau);
                dRe2[i] = cr * logWt - ci * HALF_PI;
                dIm2[i] = cr * HALF_PI + ci * logWt;
            }
        }
    }

    private static void byComplex(SweepImpedance sweep, ElementType type, int offset, double[] p, double[] re,
                                  double[] im, boolean derivatives, int i) {
        Complex[] dz = derivatives ? new Complex[offset + type.parameterCount()] : null;
        Complex z = ElementImpedance.evaluate(type, sweep.omega[i], p, offset, dz);
        re[i] = z.getReal();
        im[i] = z.getImaginary();
        for (int k = offset; derivatives && k < dz.length; k++) {
            sweep.derivativeRe[k][i] = dz[k].getReal();
            sweep.derivativeIm[k][i] = dz[k].getImaginary();
        }
    }
}
