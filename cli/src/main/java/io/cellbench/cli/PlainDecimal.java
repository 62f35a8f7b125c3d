package io.cellbench.cli;

/**
 * A double as the shortest decimal that reads back as the same double, in plain notation
 * (never an exponent: spreadsheets show 1.7145217234E9 badly), written as ASCII bytes. The
 * exports write tens of millions of values, so the common case, a value with at most nine
 * decimals (times, set points, most readings), is found with integer arithmetic; any other
 * goes through {@link Double#toString} (the shortest representation, JDK 19 and later) and has
 * its exponent moved into the digits.
 */
final class PlainDecimal {
    /** Longest text: sign, 17 significant digits, up to 324 leading zeros, point. */
    static final int MAX_LENGTH = 352;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final double EXACT_INTEGERS = 0x1p53;

    private PlainDecimal() {
    }

    /** Writes {@code d} (not NaN) into {@code out} from {@code at}; returns the position after it. */
    static int write(double d, byte[] out, int at) {
        if (Double.isInfinite(d)) {
            String infinity = d > 0 ? "Infinity" : "-Infinity";
            return ascii(infinity, 0, infinity.length(), out, at);
        }
        if (d == 0) {
            String zero = 1 / d < 0 ? "-0.0" : "0.0";
            return ascii(zero, 0, zero.length(), out, at);
        }
        double magnitude = Math.abs(d);
        double ulp = Math.ulp(magnitude);
        for (int k = 0; k < POW10.length; k++) {
            double scaled = magnitude * POW10[k];
            if (scaled >= EXACT_INTEGERS) {
                break;
            }
            long m = Math.round(scaled);
            // m / 10^k is correctly rounded (both exact), so == is the round trip itself; the
            // digits are unique when 10^-k is wider than the double's spacing, and the fewest
            // decimals are the fewest significant digits: what Double.toString would choose
            if (m != 0 && m / POW10[k] == magnitude && ulp * POW10[k] < 1) {
                return fixed(d < 0, m, k, out, at);
            }
        }
        return plain(Double.toString(d), out, at);
    }

    /** {@code m × 10^-k} with at least one decimal ("3.0"). */
    private static int fixed(boolean negative, long m, int k, byte[] out, int at) {
        if (negative) {
            out[at++] = '-';
        }
        long whole = m;
        long fraction = 0;
        if (k > 0) {
            long p = (long) POW10[k];
            whole = m / p;
            fraction = m % p;
        }
        at = digits(whole, out, at);
        out[at++] = '.';
        if (k == 0) {
            out[at++] = '0';
            return at;
        }
        int end = at + k;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return end;
    }

    /**
     * Double.toString's text with its exponent, if any, moved into the digits. Works on the
     * String's characters by index (no parsing, no intermediate text): this is the path of
     * every value with more than nine decimals, such as integrated capacities.
     */
    static int plain(String s, byte[] out, int at) {
        int length = s.length();
        int e = s.indexOf('E');
        if (e < 0) {
            return ascii(s, 0, length, out, at);
        }
        boolean negativeExponent = s.charAt(e + 1) == '-';
        int exponent = 0;
        for (int i = negativeExponent ? e + 2 : e + 1; i < length; i++) {
            exponent = exponent * 10 + (s.charAt(i) - '0');
        }
        if (negativeExponent) {
            exponent = -exponent;
        }
        int start = 0;
        if (s.charAt(0) == '-') {
            out[at++] = '-';
            start = 1;
        }
        // mantissa d.ddd: first digit at start, the others from start + 2 to the last non-zero
        int last = e - 1;
        while (last > start + 2 && s.charAt(last) == '0') {
            last--;
        }
        boolean onlyFirst = last == start + 2 && s.charAt(last) == '0';
        int count = onlyFirst ? 1 : 1 + last - (start + 1); // significant digits
        int point = 1 + exponent; // digits before the decimal point
        if (point <= 0) {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = point; i < 0; i++) {
                out[at++] = '0';
            }
            for (int k = 0; k < count; k++) {
                out[at++] = (byte) s.charAt(k == 0 ? start : start + 1 + k);
            }
            return at;
        }
        for (int k = 0; k < point; k++) {
            out[at++] = k < count ? (byte) s.charAt(k == 0 ? start : start + 1 + k) : (byte) '0';
        }
        out[at++] = '.';
        if (point >= count) {
            out[at++] = '0';
            return at;
        }
        for (int k = point; k < count; k++) {
            out[at++] = (byte) s.charAt(start + 1 + k);
        }
        return at;
    }

    /** The decimal digits of {@code n} ≥ 0. */
    static int digits(long n, byte[] out, int at) {
        if (n < 10) {
            out[at] = (byte) ('0' + n);
            return at + 1;
        }
        int length = 0;
        for (long v = n; v > 0; v /= 10) {
            length++;
        }
        int end = at + length;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return end;
    }

    private static int ascii(String s, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            out[at++] = (byte) s.charAt(i);
        }
        return at;
    }
}
