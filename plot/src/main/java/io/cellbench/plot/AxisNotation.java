package io.cellbench.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the tick labels of a linear axis are written: a tick at value v is labelled
 * (v − offset) / 10^exponent, and the axis shows "×10ⁿ" and "+ offset" once (as matplotlib's
 * ScalarFormatter does), so no label is long. Plain numbers where they are short: every label of
 * {@link #PLAIN} is its value.
 *
 * <ul>
 *   <li>An offset when plain labels would carry {@value #MAX_DIGITS} or more significant digits,
 *       most of them the same on every tick: a rest drifting 200 µV at 2.983 V is labelled −1.0 …
 *       1.0 with "×10⁻⁴ + 2.983 V", not 2.98290 … 2.98310.</li>
 *   <li>A multiplier, the power of ten of the axis's largest value (after the offset), when the
 *       labels would be longer than {@value #MAX_PLAIN_LENGTH} characters: 1.20 … 1.30 with
 *       "×10⁹" rather than 1200000000, −3 … 4 with "×10⁻⁹" rather than −0.000000003.</li>
 * </ul>
 * The notation depends on the axis's range and its tick step only, so every label of one set of
 * ticks is written alike.
 *
 * @param exponent the power of ten a label is multiplied by
 * @param offset   what is added to that product
 */
record AxisNotation(int exponent, BigDecimal offset) {
    static final AxisNotation PLAIN = new AxisNotation(0, BigDecimal.ZERO);
    /** Plain labels with this many significant digits take an offset (2.98290: six). */
    static final int MAX_DIGITS = 6;
    /** Longer labels take a multiplier ("−0.00010" and "1250000000" would be longer). */
    static final int MAX_PLAIN_LENGTH = 7;

    /** The notation of an axis over {@code range} ticked every {@code step}. */
    static AxisNotation of(AxisRange range, double step) {
        if (range.log() || !(step > 0) || !Double.isFinite(range.min()) || !Double.isFinite(range.max())) {
            return PLAIN;
        }
        double largest = Math.max(Math.abs(range.min()), Math.abs(range.max()));
        BigDecimal offset = BigDecimal.ZERO;
        if (oom(largest) - oom(step) + 1 >= MAX_DIGITS) {
            // round at the span's own power of ten: what is left is at most about the span
            int k = oom(range.span());
            double middle = range.min() / 2 + range.max() / 2;
            offset = BigDecimal.valueOf(Math.round(middle / Math.pow(10, k))).scaleByPowerOfTen(k).stripTrailingZeros();
        }
        AxisNotation shifted = new AxisNotation(0, offset);
        int longest = Math.max(shifted.label(range.min(), step).length(), shifted.label(range.max(), step).length());
        if (longest <= MAX_PLAIN_LENGTH) {
            return shifted;
        }
        double left = Math.max(Math.abs(range.min() - offset.doubleValue()), Math.abs(range.max() - offset.doubleValue()));
        return new AxisNotation(oom(left), offset);
    }

    boolean isPlain() {
        return exponent == 0 && offset.signum() == 0;
    }

    /** The label of a tick at {@code v} on an axis ticked every {@code step}: the step's decimals, a true minus. */
    String label(double v, double step) {
        if (!Double.isFinite(v)) {
            return "";
        }
        int decimals = Math.max(0, exponent - oom(step));
        BigDecimal rounded = new BigDecimal(v).subtract(offset).scaleByPowerOfTen(-exponent)
                .setScale(decimals, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        return TickLabels.trueMinus(rounded.toPlainString());
    }

    /** The value a label stands for: label × 10^exponent + offset. */
    double value(double label) {
        return new BigDecimal(label).scaleByPowerOfTen(exponent).add(offset).doubleValue();
    }

    /**
     * What the axis shows once beside its labels: "×10⁹", "+ 2.983 V", "×10⁻⁴ + 2.983 V",
     * "− 42.5 MPa" ({@code unit} the axis's, may be empty); "" for plain labels.
     */
    String text(String unit) {
        StringBuilder s = new StringBuilder();
        if (exponent != 0) {
            s.append('×').append(TickLabels.power(exponent));
        }
        if (offset.signum() != 0) {
            s.append(s.isEmpty() ? "" : " ").append(offset.signum() < 0 ? "− " : "+ ")
                    .append(offset.abs().toPlainString()).append(unit.isEmpty() ? "" : " " + unit);
        }
        return s.toString();
    }

    /** The power of ten of {@code v} (2.98 → 0, 0.0002 → −4), the noise of doubles allowed for. */
    static int oom(double v) {
        return (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
    }
}
