package io.cellbench.drivers.palmsens;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as MethodSCRIPT writes them, both ways.
 *
 * <p><b>In a data package</b> a value is 7 hexadecimal digits and an SI-prefix letter:
 * {@code 8002710m} is 0x8002710 − 0x8000000 = 10000, times milli, = 10. The offset
 * 0x8000000 (2²⁷) makes negative values positive on the wire; {@code "     nan"} in the
 * same 8 characters is NaN. The prefixes are {@code a f p n u m} (space) {@code k M G T P E},
 * and {@code i} for a plain integer. Beware that {@code a}, {@code f} and {@code E} are also
 * hex digits: the value is always exactly 7 digits, the 8th character is the prefix.
 *
 * <p><b>In a script</b> a number is an integer with an optional SI prefix ({@code 10m},
 * {@code 100k}, {@code -500m}); PalmSens' own examples write 60.1 s as {@code 60100m}, so no
 * decimal point is sent.
 */
public final class MethodScriptNumbers {

    /** The offset added to a package value before it is written in hex. */
    public static final int PACKAGE_OFFSET = 0x8000000;
    private static final String PREFIXES = "afpnum kMGTPE";

    private MethodScriptNumbers() {
    }

    /** The factor of an SI-prefix letter, or NaN when the letter is not one. */
    public static double prefixFactor(char prefix) {
        if (prefix == 'i') {
            return 1;
        }
        int at = PREFIXES.indexOf(prefix);
        return at < 0 ? Double.NaN : Math.pow(10, 3 * (at - 6));
    }

    /**
     * The value of the 8 characters after a variable type in a package ({@code "8002710m"}).
     *
     * @throws IllegalArgumentException saying what is wrong with them
     */
    public static double decodePackageValue(String eight) {
        if (eight.length() != 8) {
            throw new IllegalArgumentException("a value is 7 hex digits and an SI prefix, got '" + eight + "'");
        }
        if (eight.equals("     nan")) {
            return Double.NaN;
        }
        int raw = 0;
        for (int i = 0; i < 7; i++) {
            int digit = Character.digit(eight.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + eight.charAt(i) + "' is not a hex digit in value '" + eight + "'");
            }
            raw = raw * 16 + digit;
        }
        double factor = prefixFactor(eight.charAt(7));
        if (Double.isNaN(factor)) {
            throw new IllegalArgumentException("'" + eight.charAt(7) + "' is not an SI prefix in value '" + eight + "'");
        }
        // integer times a power of ten: exact for the common prefixes' small values, within 1 ulp otherwise
        int mantissa = raw - PACKAGE_OFFSET;
        return factor >= 1 ? mantissa * factor : mantissa / prefixDivisor(eight.charAt(7));
    }

    /** 10^(3k) for a prefix below one, so that 1234 m is 1234 / 1000 (exact) and not 1234 × 0.001. */
    private static double prefixDivisor(char prefix) {
        return Math.pow(10, 3 * (6 - PREFIXES.indexOf(prefix)));
    }

    /**
     * {@code value} as a script literal: the largest prefix that keeps it an exact integer
     * ({@code 0.01} → {@code 10m}, {@code 1e6} → {@code 1M}, {@code 250} → {@code 250}); a value
     * is rounded to 9 significant digits first, and a value too small for that at
     * the smallest prefix is rounded to whole attos.
     *
     * @throws IllegalArgumentException for NaN, infinities and magnitudes above 2e27
     */
    public static String scriptLiteral(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a script number must be finite, got " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal v = new BigDecimal(Double.toString(value)).round(new java.math.MathContext(9, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        for (int at = PREFIXES.length() - 1; at >= 0; at--) {
            BigDecimal scaled = v.movePointLeft(3 * (at - 6));
            if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() <= 0) {
                if (scaled.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    break;
                }
                char prefix = PREFIXES.charAt(at);
                return scaled.toBigIntegerExact() + (prefix == ' ' ? "" : String.valueOf(prefix));
            }
        }
        // no exact form within the integer range (a value below atto): round at the smallest prefix that fits
        for (int at = 0; at < PREFIXES.length(); at++) {
            BigDecimal scaled = v.movePointLeft(3 * (at - 6)).setScale(0, RoundingMode.HALF_EVEN);
            if (scaled.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                char prefix = PREFIXES.charAt(at);
                return scaled.toBigIntegerExact() + (prefix == ' ' ? "" : String.valueOf(prefix));
            }
        }
        throw new IllegalArgumentException("cannot write " + value + " as a MethodSCRIPT number");
    }
}
