package io.cellbench.plot;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tick label text of logarithmic axes (linear ones: {@link LinearTickLabels}): over more than
 * three decades only the decades, as powers of ten (10⁻¹ … 10⁶, as electrochemists label
 * frequency); over fewer, the 1-2-5 steps in plain numbers, so an |Z| axis from 30 to 300 Ω
 * still carries readable labels.
 */
final class TickLabels {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private TickLabels() {
    }

    /** The text with U+2212 for each hyphen-minus, as typeset numbers have it: axes and colour bars alike. */
    static String trueMinus(String number) {
        return number.replace('-', '−');
    }

    static Function<Double, String> log(Supplier<AxisRange> range) {
        return v -> {
            if (!(v > 0)) {
                return "";
            }
            AxisRange r = range.get();
            double decades = Math.log10(r.max()) - Math.log10(r.min());
            double exponent = Math.floor(Math.log10(v) + 1e-9);
            double mantissa = v / Math.pow(10, exponent);
            long m = Math.round(mantissa);
            if (Math.abs(mantissa - m) > 1e-6 * m) {
                return "";
            }
            if (decades > 3) {
                return m == 1 ? power((int) exponent) : "";
            }
            if (m != 1 && m != 2 && m != 5) {
                return "";
            }
            return new BigDecimal(m).scaleByPowerOfTen((int) exponent).stripTrailingZeros().toPlainString();
        };
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
