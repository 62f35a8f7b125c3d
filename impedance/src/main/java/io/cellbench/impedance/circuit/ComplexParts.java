package io.cellbench.impedance.circuit;

import org.hipparchus.complex.Complex;
import org.hipparchus.util.MathArrays;

/**
 * The few complex operations the circuit's allocation-free evaluation needs, on real and
 * imaginary parts held in arrays. Each follows Hipparchus' {@code Complex} to the bit, special
 * values included (1/0 is infinite, 1/∞ is 0, a product uses {@code linearCombination}), so a
 * fit through either path gives the same numbers. The exception is {@code product}, plain
 * products for a parallel's derivative scaling, which the {@code Complex} path uses as well.
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
        if (isNaN(re, im)) {
            set(outRe, outIm, at, Double.NaN, Double.NaN);
        } else if (re == 0.0 && im == 0.0) {
            set(outRe, outIm, at, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        } else if (isInfinite(re, im)) {
            set(outRe, outIm, at, 0, 0);
        } else if (Math.abs(re) < Math.abs(im)) {
            double q = re / im;
            double scale = 1. / (re * q + im);
            set(outRe, outIm, at, scale * q, -scale);
        } else {
            double q = im / re;
            double scale = 1. / (im * q + re);
            set(outRe, outIm, at, scale, -scale * q);
        }
    }

    /** (a + jb)/(c + jd) into {@code out[at]}, as {@code Complex.divide(Complex)}. */
    static void divide(double a, double b, double c, double d, double[] outRe, double[] outIm, int at) {
        if (isNaN(a, b) || isNaN(c, d) || (c == 0.0 && d == 0.0)) {
            set(outRe, outIm, at, Double.NaN, Double.NaN);
        } else if (isInfinite(c, d) && !isInfinite(a, b)) {
            set(outRe, outIm, at, 0, 0);
        } else if (Math.abs(c) < Math.abs(d)) {
            double q = c / d;
            double denominator = c * q + d;
            set(outRe, outIm, at, (a * q + b) / denominator, (b * q - a) / denominator);
        } else {
            double q = d / c;
            double denominator = d * q + c;
            set(outRe, outIm, at, (b * q + a) / denominator, (b - a * q) / denominator);
        }
    }

    /** (a + jb)(c + jd) into {@code out[at]}, as {@code Complex.multiply(Complex)}. */
    static void multiply(double a, double b, double c, double d, double[] outRe, double[] outIm, int at) {
        if (isNaN(a, b) || isNaN(c, d)) {
            set(outRe, outIm, at, Double.NaN, Double.NaN);
        } else if (Double.isInfinite(a) || Double.isInfinite(b) || Double.isInfinite(c) || Double.isInfinite(d)) {
            set(outRe, outIm, at, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        } else {
            set(outRe, outIm, at, MathArrays.linearCombination(a, c, -b, d), MathArrays.linearCombination(a, d, b, c));
        }
    }

    /**
     * (a + jb)(c + jd) into {@code out[at]} by plain products and sums, as {@link #product(Complex, Complex)}
     * computes it: not {@code Complex.multiply}'s compensated products, which cost several
     * times more. A parallel's derivative scaling uses it for every parameter at every point of
     * every evaluation of a fit (a fifth of the fit's time with compensated products), where an
     * error in the last bit is far below what the optimiser resolves.
     */
    static void product(double a, double b, double c, double d, double[] outRe, double[] outIm, int at) {
        set(outRe, outIm, at, a * c - b * d, a * d + b * c);
    }

    /** x·y in the same arithmetic as {@link #product(double, double, double, double, double[], double[], int)}. */
    static Complex product(Complex x, Complex y) {
        double a = x.getReal();
        double b = x.getImaginary();
        double c = y.getReal();
        double d = y.getImaginary();
        return new Complex(a * c - b * d, a * d + b * c);
    }

    /** (a + jb)/x into {@code out[at]}, as {@code Complex.divide(double)}. */
    static void divide(double a, double b, double x, double[] outRe, double[] outIm, int at) {
        if (isNaN(a, b) || Double.isNaN(x) || x == 0.0) {
            set(outRe, outIm, at, Double.NaN, Double.NaN);
        } else if (Double.isInfinite(x)) {
            boolean infinite = isInfinite(a, b);
            set(outRe, outIm, at, infinite ? Double.NaN : 0, infinite ? Double.NaN : 0);
        } else {
            set(outRe, outIm, at, a / x, b / x);
        }
    }

    static void set(double[] outRe, double[] outIm, int at, double re, double im) {
        outRe[at] = re;
        outIm[at] = im;
    }
}
