package io.cellbench.core.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * How every file and output a user reads prints a number: in full precision, the shortest
 * decimal that reads back as the same value ({@link Double#toString}'s digits), never with an
 * exponent (docs/data.md), because a unix time as 1.7145217234E9 is what spreadsheets and
 * people read badly. The one writer of numbers: it lives in core so that the run's own files
 * (daq's cycles.csv) and cli's exports print alike. CSV and BDF exports take the ASCII bytes
 * ({@link #write}), cycles.csv, JSON and tables the text ({@link #plain(double)}).
 *
 * <p>An instance is a writer with its own scratch state (not thread-safe); the static methods
 * use one per thread.
 */
public final class Decimals {
    /** Longest text: sign, 17 significant digits, up to 324 leading zeros, point. */
    public static final int MAX_LENGTH = 352;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ThreadLocal<Decimals> PER_THREAD = ThreadLocal.withInitial(Decimals::new);
    private static final long[] POWERS_OF_TEN = new long[19];
    /** The digits of 0 … 99, tens and ones. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = 10 * POWERS_OF_TEN[i - 1];
        }
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final ShortestDigits shortest = new ShortestDigits();
    private final byte[] text = new byte[MAX_LENGTH];

    /** Writes {@code d} (not NaN) into {@code out} from {@code at}; returns the position after it. */
    public int write(double d, byte[] out, int at) {
        if (d == 0) {
            return ascii(1 / d < 0 ? "-0.0" : "0.0", out, at);
        }
        if (Double.isInfinite(d)) {
            return ascii(d > 0 ? "Infinity" : "-Infinity", out, at);
        }
        if (d < 0) {
            out[at++] = '-';
        }
        double v = Math.abs(d);
        int end = fewDecimals(v, out, at);
        if (end >= 0) {
            return end;
        }
        shortest.of(v);
        return plain(shortest.digits, shortest.exponent, out, at);
    }

    /**
     * A reading with at most 6 decimals (3 from 10^9 on) and 15 significant digits (3.7012 V,
     * 0.001 A, a unix time of 1714521600.25 s: most of what instruments give) without the search for
     * the shortest digits: if k = round(v · 10^d) gives back v as k / 10^d (both exact: k below
     * 10^15, 10^d below 2^53, the division correctly rounded), then k · 10^-d is a decimal that
     * reads back as v, and since no two decimals of up to 15 significant digits read back as the
     * same double, it is the shortest one, the one {@link Double#toString} gives. Returns the
     * position after the text, or -1 when v is not such a value.
     */
    private static int fewDecimals(double v, byte[] out, int at) {
        int decimals;
        double scale;
        if (v >= 1e-6 && v < 1e9) {
            decimals = 6;
            scale = 1e6;
        } else if (v >= 1e9 && v < 1e12) { // a unix time to the millisecond
            decimals = 3;
            scale = 1e3;
        } else {
            return -1;
        }
        double k = Math.rint(v * scale);
        if (k / scale != v) {
            return -1;
        }
        long digits = (long) k;
        int exponent = -decimals;
        long q = digits / 10;
        while (digits == q * 10) { // trailing zeros
            digits = q;
            exponent++;
            q = digits / 10;
        }
        return plain(digits, exponent, out, at);
    }

    /** The shortest decimal of {@code d} without an exponent ("Infinity" and "NaN" as Java writes them). */
    public static String plain(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        Decimals writer = PER_THREAD.get();
        return new String(writer.text, 0, writer.write(d, writer.text, 0), StandardCharsets.US_ASCII);
    }

    /** The shortest decimal of {@code f} without an exponent: {@link Float#toString}'s digits, the point moved. */
    public static String plain(float f) {
        String java = Float.toString(f);
        int e = java.indexOf('E');
        if (e < 0 || Float.isInfinite(f)) {
            return java;
        }
        // d.dddE±n: the digits without the point and trailing zeros, scaled by 10^(n - decimals)
        boolean negative = java.charAt(0) == '-';
        String mantissa = java.substring(negative ? 1 : 0, e).replace(".", "");
        int exponent = Integer.parseInt(java.substring(e + 1)) - (mantissa.length() - 1);
        long digits = Long.parseLong(mantissa);
        while (digits % 10 == 0) {
            digits /= 10;
            exponent++;
        }
        byte[] out = new byte[MAX_LENGTH];
        int at = 0;
        if (negative) {
            out[at++] = '-';
        }
        // a whole number Java writes with an exponent (1.0E10) has never had a ".0" in JSON
        return withoutPointZero(new String(out, 0, plain(digits, exponent, out, at), StandardCharsets.US_ASCII));
    }

    /** As {@link #plain(double)}, but a whole number without its ".0" (a cycle time of 3600 s). */
    public static String whole(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return d == Math.rint(d) ? withoutPointZero(plain(d)) : plain(d);
    }

    private static String withoutPointZero(String text) {
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** The decimal digits of {@code n} ≥ 0 into {@code out} from {@code at}; returns the position after them. */
    public static int digits(long n, byte[] out, int at) {
        int end = at + length(n);
        int i = end;
        // tens of millions of values (17 digits each, often): eight digits at a time, split
        // into groups whose divisions (multiplications, for constants) do not wait on each other
        while (n > Integer.MAX_VALUE) {
            // n / 10^8 by a multiplication: M = ceil(2^89 / 10^8), exact for every n < 2^63
            long high = Math.multiplyHigh(n, 0x55E63B88C230E77FL) >>> 25;
            i = eight((int) (n - high * 100_000_000L), out, i);
            n = high;
        }
        int m = (int) n;
        if (m >= 100_000_000) {
            int high = m / 100_000_000;
            i = eight(m - high * 100_000_000, out, i);
            m = high;
        }
        if (m >= 10_000) {
            int high = m / 10_000;
            i = four(m - high * 10_000, out, i);
            m = high;
        }
        if (m >= 100) {
            int high = m / 100;
            int pair = m - high * 100;
            out[--i] = ONES[pair];
            out[--i] = TENS[pair];
            m = high;
        }
        if (m >= 10) {
            out[--i] = ONES[m];
            out[--i] = TENS[m];
        } else {
            out[--i] = (byte) ('0' + m);
        }
        return end;
    }

    /**
     * The eight digits of {@code n} < 10^8 (leading zeros too) ending before {@code end}; returns
     * where they start. All eight are worked out side by side in one long (two lanes of four
     * digits, then four of two, then eight of one: division by 100 as × 10486 >> 20, exact below
     * 10^4, by 10 as × 103 >> 10, exact below 179) and stored at once, first digit lowest.
     */
    private static int eight(int n, byte[] out, int end) {
        long high = n / 10_000;
        long x = high | (n - high * 10_000) << 32;
        long hundreds = (x * 10_486 >>> 20) & 0x0000_007F_0000_007FL;
        long y = hundreds | (x - 100 * hundreds) << 16;
        long tens = (y * 103 >>> 10) & 0x000F_000F_000F_000FL;
        long z = tens | (y - 10 * tens) << 8;
        LITTLE_ENDIAN_LONG.set(out, end - 8, z + 0x3030_3030_3030_3030L);
        return end - 8;
    }

    /** The four digits of {@code n} < 10^4 (leading zeros too) ending before {@code end}; returns where they start. */
    private static int four(int n, byte[] out, int end) {
        int high = n / 100;
        int low = n - high * 100;
        out[end - 1] = ONES[low];
        out[end - 2] = TENS[low];
        out[end - 3] = ONES[high];
        out[end - 4] = TENS[high];
        return end - 4;
    }

    /** {@code digits} × 10^{@code exponent} (digits without trailing zeros) in plain notation, with at least one decimal. */
    private static int plain(long digits, int exponent, byte[] out, int at) {
        int count = length(digits);
        int point = count + exponent; // digits before the decimal point
        if (point <= 0) {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = point; i < 0; i++) {
                out[at++] = '0';
            }
            return digits(digits, out, at);
        }
        if (point >= count) {
            at = digits(digits, out, at);
            for (int i = count; i < point; i++) {
                out[at++] = '0';
            }
            out[at++] = '.';
            out[at++] = '0';
            return at;
        }
        // the digits, then the point moved into them from the right
        int end = digits(digits, out, at + 1);
        System.arraycopy(out, at + 1, out, at, point);
        out[at + point] = '.';
        return end;
    }

    /** How many decimal digits {@code n} ≥ 0 has (0 has one): from its bit length, and one comparison. */
    static int length(long n) {
        int t = (64 - Long.numberOfLeadingZeros(n | 1)) * 1233 >>> 12;
        return n < POWERS_OF_TEN[t] && t > 0 ? t : t + 1;
    }

    private static int ascii(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); i++) {
            out[at++] = (byte) s.charAt(i);
        }
        return at;
    }
}
