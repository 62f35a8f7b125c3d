package io.cellbench.plot;

/**
 * How numbers are typeset on axes and colour bars: a true minus, powers of ten with superscript
 * digits. Which ticks carry labels: {@link LinearTickLabels}, {@link LogTickLabels}.
 */
final class TickLabels {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private TickLabels() {
    }

    /** The text with U+2212 for each hyphen-minus, as typeset numbers have it: axes and colour bars alike. */
    static String trueMinus(String number) {
        return number.replace('-', '−');
    }

    /** "10⁵", "10⁻¹". */
    static String power(int exponent) {
        StringBuilder s = new StringBuilder("10");
        if (exponent < 0) {
            s.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }
}
