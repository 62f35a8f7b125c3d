package io.cellbench.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellbench.testing.Seeds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exports' number text: the shortest decimal that reads back as the same double, without
 * an exponent. Double.toString is the reference (shortest digits, JDK 19+); where it prints an
 * exponent, the same digits with the point moved. The writer finds the digits itself
 * ({@link ShortestDigits}), so every kind of double is compared: any bit pattern, subnormals,
 * the powers of two (whose rounding interval is lopsided), integers, few-decimal values.
 */
class DecimalsTest {

    private static String text(double d) {
        byte[] out = new byte[Decimals.MAX_LENGTH];
        String written = new String(out, 0, new Decimals().write(d, out, 0), StandardCharsets.US_ASCII);
        // JSON and tables take the text from the same writer
        assertEquals(written, Decimals.plain(d));
        return written;
    }

    /** What Double.toString says, in plain notation with its digits unchanged. */
    private static String reference(double d) {
        String s = Double.toString(d);
        if (s.indexOf('E') < 0) {
            return s;
        }
        String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static void check(double d) {
        String t = text(d);
        assertEquals(reference(d), t, "for " + Double.toString(d));
        assertEquals(d, Double.parseDouble(t), t);
        assertFalse(t.contains("E"), t);
    }

    @Test
    void typicalCyclerValuesAndEdges() {
        for (double d : List.of(3.0, -0.002, 0.25, 1714521723.4, 1.7145217234E9 + 0.25, 60000834.475, 25.02,
                5.555555555555556E-8, 2.7722222222222225E-5, 1e-3, 9.99e-4, 1e7, 1.0E10, 123456789012.5,
                0.1 + 0.2, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 4.35, 0.30000000000000004,
                9007199254740993.0, 1e15, 1e16 + 2, 0.0005, 100.0, -7.0)) {
            check(d);
        }
        assertEquals("0.0", text(0.0));
        assertEquals("-0.0", text(-0.0));
        assertEquals("0.0005", text(5e-4));
        assertEquals("1714521723.4", text(1714521723.4));
        assertEquals("10000000000.0", text(1e10));
    }

    @Test
    void everyPowerOfTwoAndTheSmallestSubnormalsAndTheirNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            check(p);
            check(Math.nextUp(p));
            check(Math.nextDown(p));
            check(-p);
        }
        for (long bits = 1; bits < 1000; bits++) {
            check(Double.longBitsToDouble(bits));
        }
        for (int k = -323; k <= 308; k++) {
            double ten = Double.parseDouble("1e" + k);
            check(ten);
            check(Math.nextUp(ten));
            check(Math.nextDown(ten));
        }
        for (long n = 1; n < 100_000; n += 7) {
            check(n);
            check(n / 1000.0);
        }
        check(9007199254740991.0);
        check(Double.MAX_VALUE);
        check(Double.MIN_NORMAL);
        check(Math.nextDown(Double.MIN_NORMAL));
    }

    @Test
    void theDigitsOfEveryLengthOfLong() {
        byte[] out = new byte[40];
        List<Long> values = new java.util.ArrayList<>(List.of(0L, 1L, 9L, 10L, 99L, 100L, Long.MAX_VALUE,
                (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 100_000_000L, 99_999_999_999_999_999L));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, 10 * p - 1));
        }
        // eight digits at a time are worked out side by side in a long: every digit in every place
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            values.add((random.nextLong() >>> 1) >>> random.nextInt(63));
        }
        for (long n : values) {
            out[0] = '<';
            int end = Decimals.digits(n, out, 1);
            out[end] = '>';
            assertEquals("<" + n + ">", new String(out, 0, end + 1, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void floatsAsFloatToStringHasThemWithThePointMoved() {
        assertEquals("0.0005", Decimals.plain(5e-4f));
        assertEquals("12345678000", Decimals.plain(1.2345678e10f));
        assertEquals("-0.000001", Decimals.plain(-1e-6f));
        assertEquals("3.25", Decimals.plain(3.25f));
        assertEquals("3.0", Decimals.plain(3f));
        assertEquals("10000000000000000", Decimals.whole(1e16));
        assertEquals("1796569168.25", Decimals.whole(1796569168.25));
    }

    @Test
    void randomDoublesOfEveryScaleReadBackAndMatchTheShortestDigits() {
        long seed = Seeds.seed("DecimalsTest");
        Random random = new Random(seed);
        for (int i = 0; i < 1_000_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 15);
                case 2 -> Math.round(random.nextDouble() * 1e7) / Math.pow(10, random.nextInt(10)); // few decimals
                default -> 1.7e9 + random.nextInt(1_000_000) / 4.0; // unix times
            };
            if (!Double.isNaN(d)) {
                check(d);
            }
        }
    }

    /**
     * Readings of few decimals take a short way (k / 10^d read back); it must give
     * Double.toString's digits at every edge of its ranges (10^-6, 10^9, 10^12), for decimals of
     * up to 15 significant digits (always the shortest) and for their neighbours one ulp away
     * (which have 16 or 17 and go the long way).
     */
    @Test
    void readingsOfFewDecimalsAtTheEdgesOfTheirShortWay() {
        long seed = Seeds.seed("DecimalsTest few decimals");
        Random random = new Random(seed);
        for (double edge : List.of(1e-6, 1e9, 1e12)) {
            for (double d = Math.nextDown(Math.nextDown(edge)), n = 0; n < 5; n++, d = Math.nextUp(d)) {
                check(d);
            }
        }
        for (int i = 0; i < 1_000_000; i++) {
            int decimals = random.nextInt(9); // 0 … 8: more than the short way takes too
            long digits = (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(15)));
            double d = digits / Math.pow(10, decimals) * (i % 2 == 0 ? 1 : -1);
            check(d);
            check(Math.nextUp(d));
            check(Math.nextDown(d));
        }
    }
}
