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
        // where the formulas above overflowed or divided by zero, Complex's arithmetic decides; a
        // bound at the sweep's extreme frequencies spares the usual elements a look at every value
        int end = offset + type.parameterCount();
        boolean finite = bounded(sweep, type, a, offset, p);
        if (!finite) {
            finite = finite(re, n) && finite(im, n);
            for (int k = offset; derivatives && finite && k < end; k++) {
                finite = finite(sweep.derivativeRe[k], n) && finite(sweep.derivativeIm[k], n);
            }
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

    /**
     * True when every value and derivative of the element is surely finite, from a bound at the
     * sweep's extreme frequencies (each formula's size is monotonic in ω, or bounded by such a
     * one); false when it cannot tell, and each value must be looked at.
     */
    private static boolean bounded(SweepImpedance sweep, ElementType type, double a, int offset, double[] p) {
        return switch (type) {
            case R -> Double.isFinite(a);
            case L -> Double.isFinite(sweep.maxOmega * a);
            case C -> Double.isFinite(1 / (sweep.minOmega * a)) && Double.isFinite(1 / (sweep.minOmega * a * a));
            case W -> Double.isFinite(sweep.maxInverseRoot * a);
            case CPE -> {
                double alpha = p[offset + 1];
                // |Z| = e^(−α ln ω)/Q is largest at one end; |dZ/dQ| = |Z|/Q, |dZ/dα| ≤ |Z|·(|ln ω| + π/2)
                double top = Math.max(Math.exp(-alpha * sweep.minLog), Math.exp(-alpha * sweep.maxLog)) / Math.abs(a);
                yield Double.isFinite(top) && Double.isFinite(top / Math.abs(a))
                        && Double.isFinite(2 * top * (sweep.maxAbsLog + HALF_PI)) && Double.isFinite(alpha);
            }
            default -> false;
        };
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

    /** R/(1 + jωτ): a ZARC with γ = 1; dZ/dR = 1/(1 + jωτ), dZ/dτ = −R·x/(1 + x)²/τ with x = jωτ. */
    private static void voigt(SweepImpedance sweep, double r, double tau, double[] re, double[] im, boolean derivatives,
                              double[] dRe0, double[] dIm0, int offset) {
        double[] dRe1 = sweep.derivativeRe[offset + 1];
        double[] dIm1 = sweep.derivativeIm[offset + 1];
        double[] common = new double[2];
        for (int i = 0; i < sweep.points; i++) {
            arc(r, 0, sweep.omega[i] * tau, re, im, i, derivatives, dRe0, dIm0, common);
            if (derivatives) {
                dRe1[i] = common[0] / tau;
                dIm1[i] = common[1] / tau;
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
        double[] common = new double[2];
        for (int i = 0; i < sweep.points; i++) {
            double logWt = log[i] + logTau;
            double modulus = Math.exp(gamma * logWt);
            arc(r, modulus * cos, modulus * sin, re, im, i, derivatives, dRe0, dIm0, common);
            if (derivatives) {
                double cr = common[0];
                double ci = common[1];
                dRe1[i] = cr * (gamma / tau);
                dIm1[i] = ci * (gamma / tau);
                dRe2[i] = cr * logWt - ci * HALF_PI;
                dIm2[i] = cr * HALF_PI + ci * logWt;
            }
        }
    }

    /**
     * Z = R·s at point i with s = 1/(1 + x), and when {@code derivatives} dZ/dR = s and −R·x·s²
     * (the factor of the time constant's and exponent's derivatives) into {@code common}. Smith's
     * reciprocal, as Complex's: |1 + x|² would overflow long before s does.
     */
    private static void arc(double r, double xr, double xi, double[] re, double[] im, int i, boolean derivatives,
                            double[] dRe0, double[] dIm0, double[] common) {
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
            common[0] = -r * (s2r * xr - s2i * xi);
            common[1] = -r * (s2r * xi + s2i * xr);
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
