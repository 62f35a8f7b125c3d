package io.cellbench.impedance.circuit;

import org.hipparchus.complex.Complex;

/**
 * Complex operations on real and imaginary parts held in arrays, for the sweep evaluation
 * ({@link SweepImpedance}): {@code reciprocal} follows Hipparchus' {@code Complex} to the bit,
 * special values included (1/0 is infinite, 1/∞ is 0), so both ways agree on where a value is
 * usable; {@code product} is a plain product, a parallel's derivative scaling in the
 * {@code Complex} path (not {@code Complex.multiply}'s compensated products, which cost several
 * times more for an error in the last bit).
 */
final class ComplexParts {

    private ComplexParts() {
    }

    static boolean isNaN(double re, double im) {
        return Double.isNaN(re) || Double.isNaN(im);
    }

    static boolean isInfinite(double re, double im) {
        return !isNaN(re, im) && (Double.isInfinite(re) || Double.isInfinite(im));
    }

    /** 1/(re + j·im) into {@code out[at]}: Smith's scaling, as {@code Complex.reciprocal()}. */
    static void reciprocal(double re, double im, double[] outRe, double[] outIm, int at) {
        double size = Math.abs(re) + Math.abs(im);
        if (size > 0 && size <= Double.MAX_VALUE) {
            // finite and not zero, as nearly every value is: Smith's formula without the special cases
            smith(re, im, outRe, outIm, at);
        } else if (isNaN(re, im)) {
            set(outRe, outIm, at, Double.NaN, Double.NaN);
        } else if (re == 0.0 && im == 0.0) {
            set(outRe, outIm, at, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        } else if (isInfinite(re, im)) {
            set(outRe, outIm, at, 0, 0);
        } else {
            smith(re, im, outRe, outIm, at);
        }
    }

    private static void smith(double re, double im, double[] outRe, double[] outIm, int at) {
        if (Math.abs(re) < Math.abs(im)) {
            double q = re / im;
            double scale = 1. / (re * q + im);
            set(outRe, outIm, at, scale * q, -scale);
        } else {
            double q = im / re;
            double scale = 1. / (im * q + re);
            set(outRe, outIm, at, scale, -scale * q);
        }
    }

    /** x·y by plain products and sums. */
    static Complex product(Complex x, Complex y) {
        double a = x.getReal();
        double b = x.getImaginary();
        double c = y.getReal();
        double d = y.getImaginary();
        return new Complex(a * c - b * d, a * d + b * c);
    }

    static void set(double[] outRe, double[] outIm, int at, double re, double im) {
        outRe[at] = re;
        outIm[at] = im;
    }
}
