package io.cellbench.core.format;

import java.math.BigInteger;

/**
 * The shortest decimal that reads back as a given double, found with Raffaello Giulietti's
 * Schubfach method ("The Schubfach way to render doubles", 2020), the method behind
 * {@link Double#toString} since JDK 19: the same digits, chosen by the same rules, but handed
 * over as a number (digits and exponent) instead of a String, so that the exports can write
 * tens of millions of values without making a String or a BigDecimal for each.
 *
 * <p>Not thread-safe: an instance keeps its last result (one per writer).
 */
final class ShortestDigits {
    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << (P - 1);
    private static final long C_TINY = 3;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = (1L << 63) - 1;
    /** 10^-k for k in [K_MIN, K_MAX] as g = floor(β) + 1, 2^125 ≤ β < 2^126, split in 63-bit halves. */
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];

    static {
        // Worked out once with exact integers: 10^-k = β · 2^r for the r that puts β in [2^125, 2^126).
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger floor;
            if (k <= 0) {
                BigInteger n = BigInteger.TEN.pow(-k);
                int r = n.bitLength() - 126;
                floor = r >= 0 ? n.shiftRight(r) : n.shiftLeft(-r);
            } else {
                BigInteger d = BigInteger.TEN.pow(k);
                floor = BigInteger.ONE.shiftLeft(125 + d.bitLength()).divide(d);
            }
            BigInteger g = floor.add(BigInteger.ONE);
            G1[k - K_MIN] = g.shiftRight(63).longValueExact();
            G0[k - K_MIN] = g.longValue() & MASK_63;
        }
    }

    /** The digits of the last result, without trailing zeros. */
    long digits;
    /** The last result is {@link #digits} × 10^exponent. */
    int exponent;

    /** Finds the shortest decimal of {@code v}, finite and above 0. */
    void of(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & ((1L << (P - 1)) - 1);
        int bq = (int) (bits >>> (P - 1)) & 0x7FF;
        if (bq != 0) {
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            if (0 < mq && mq < P) {
                long f = c >> mq;
                if (f << mq == c) { // an integer: its own digits
                    result(f, 0);
                    return;
                }
            }
            decimal(-mq, c, 0);
        } else if (t < C_TINY) {
            decimal(Q_MIN, 10 * t, -1); // the smallest subnormals: two digits, as Double.toString has them
        } else {
            decimal(Q_MIN, t, 0);
        }
    }

    /** The shortest decimal in the rounding interval of c · 2^q, the closest to it when several. */
    private void decimal(int q, long c, int dk) {
        long out = c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            // the interval below a power of two is half as wide
            cbl = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        }
        int h = q + floorLog2Pow10(-k) + 2;
        long g1 = G1[k - K_MIN];
        long g0 = G0[k - K_MIN];
        long vb = roundOdd(g1, g0, cb << h);
        long vbl = roundOdd(g1, g0, cbl << h);
        long vbr = roundOdd(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            // one digit fewer, if a multiple of ten lies in the interval
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                result(upin ? sp10 : tp10, k);
                return;
            }
        }
        long u = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (u << 2) + out <= vbr;
        if (uin != win) {
            result(uin ? s : u, k + dk);
            return;
        }
        long cmp = vb - (s + u << 1);
        result(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : u, k + dk);
    }

    private void result(long f, int e) {
        long q = divideBy10(f);
        while (f == q * 10) { // trailing zeros
            f = q;
            e++;
            q = divideBy10(f);
        }
        digits = f;
        exponent = e;
    }

    /** n / 10 for n ≥ 0, by a multiplication (a long division costs tens of cycles). */
    static long divideBy10(long n) {
        return Math.multiplyHigh(n, 0x6666666666666667L) >> 2;
    }

    /** g · cp / 2^127 (g = g1 · 2^63 + g0), rounded to odd. */
    private static long roundOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** floor(e · log10(2)), for |e| ≤ 5,456,721. */
    private static int floorLog10Pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 · 2^e)), for |e| ≤ 5,456,721. */
    private static int floorLog10ThreeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** floor(e · log2(10)), for |e| ≤ 1,838,394. */
    private static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }
}
