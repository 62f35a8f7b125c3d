package io.cellbench.drivers.scpi;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.WireText;
import java.math.BigDecimal;

/** Numbers in SCPI text, both ways. */
public final class ScpiValues {

    /** SCPI's "not a number" (IEEE 488.2 answers 9.91E+37 when there is no valid value). */
    public static final double NOT_A_NUMBER = 9.91e37;

    private ScpiValues() {
    }

    /**
     * The comma-separated numbers of an answer. {@code 9.91E+37} (and anything larger in
     * magnitude) becomes NaN.
     *
     * @throws InstrumentException naming the instrument and command when the answer is not
     *                             {@code count} numbers
     */
    public static double[] numbers(String instrument, String command, String answer, int count) {
        String[] parts = answer.split(",", -1);
        if (parts.length != count) {
            throw new InstrumentException(instrument, command, "expected " + count + (count == 1 ? " number" : " numbers")
                    + " in the answer, got " + WireText.quote(answer));
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            String p = parts[i].strip();
            double v;
            try {
                if (p.isEmpty() || !isNumeric(p)) {
                    throw new NumberFormatException();
                }
                v = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new InstrumentException(instrument, command, "the answer " + WireText.quote(answer)
                        + " is not " + (count == 1 ? "a number" : count + " numbers"));
            }
            out[i] = Math.abs(v) >= 9.9e37 ? Double.NaN : v;
        }
        return out;
    }

    /** A setting value as SCPI <NRf> text: plain decimal, no trailing zeros ("4.2", "0.001", "-0.0005"). */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot send " + value + " to an instrument");
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // Double.parseDouble also takes "NaN", "Infinity", hex and a trailing 'd'/'f': none is SCPI
    private static boolean isNumeric(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
