package io.cellbench.cli.format;

import java.math.BigDecimal;

/**
 * How the data exports (CSV, JSON, BDF) print a number: in full precision, the shortest
 * decimal that reads back as the same value, never with an exponent (docs/data.md), because
 * a unix time as 1.7145217234E9 is what spreadsheets and people read badly.
 */
public final class Decimals {
    private Decimals() {
    }

    /** The shortest decimal of {@code d} without an exponent ("Infinity" and "NaN" as Java writes them). */
    public static String plain(double d) {
        return plain(Double.toString(d), Double.isInfinite(d));
    }

    /** The shortest decimal of {@code f} without an exponent. */
    public static String plain(float f) {
        return plain(Float.toString(f), Float.isInfinite(f));
    }

    /** As {@link #plain(double)}, but a whole number below 10^15 without its ".0" (a cycle time of 3600 s). */
    public static String whole(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : plain(d);
    }

    private static String plain(String javaText, boolean infinite) {
        // Java's mantissa always has a decimal ("5.0E-4"): its zero is not a digit of the value,
        // and kept it would print 0.00050 where the CSV of the same rows (PlainDecimal) has 0.0005
        return javaText.indexOf('E') < 0 || infinite ? javaText
                : new BigDecimal(javaText).stripTrailingZeros().toPlainString();
    }
}
