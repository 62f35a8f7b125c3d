package io.cellbench.compile.neware;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The units BTS writes in a step file, from SI: voltage in 0.1 mV (4.2 V is 42000), current
 * in mA, time in ms, capacity in mA·s (MultCap 162000 is 45 mAh), temperature in 0.1 °C, as
 * the step files BTS Client itself wrote show. Numbers are written as BTS writes them: whole
 * numbers without a decimal point, others in plain decimals ("22.5", "2.25").
 */
final class NewareUnits {
    private NewareUnits() {
    }

    /** Volts to 0.1 mV, rounded to the unit (BTS's resolution in a step file). */
    static String volt(double volt) {
        return whole(volt * 1e4);
    }

    static String milliampere(double ampere) {
        return decimal(ampere * 1e3);
    }

    /** Seconds to ms, rounded to the ms. */
    static String millisecond(double second) {
        return whole(second * 1e3);
    }

    /** Ah to mA·s. */
    static String milliampereSecond(double ah) {
        return decimal(ah * 3.6e6);
    }

    /** °C to 0.1 °C. */
    static String tenthCelsius(double celsius) {
        return whole(celsius * 10);
    }

    /** W to mW. */
    static String milliwatt(double watt) {
        return decimal(watt * 1e3);
    }

    /** Ω to mΩ. */
    static String milliohm(double ohm) {
        return decimal(ohm * 1e3);
    }

    /** A C-rate as a plain decimal. */
    static String rate(double c) {
        return decimal(c);
    }

    static String whole(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return Long.toString(Math.round(v));
    }

    /** Ten significant digits, trailing zeros dropped: what a double's noise (0.30000000000000004) is not. */
    static String decimal(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v); // only in a file that is refused anyway (a C-rate without a capacity)
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
