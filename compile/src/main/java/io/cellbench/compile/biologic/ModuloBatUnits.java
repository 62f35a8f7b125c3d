package io.cellbench.compile.biologic;

import java.util.Locale;

/**
 * Values as EC-Lab writes them in a settings file: fixed three decimals ("100.000") with a
 * unit chosen so small values keep their digits (µA below 1 mA, mV below 0.1 V, mHz below
 * 1 Hz), and the fixed current ranges of its potentiostats.
 */
final class ModuloBatUnits {
    private ModuloBatUnits() {
    }

    /** The ranges cellbench writes, smallest first: |I| up to the first number fits the range named after it. */
    private static final double[] RANGE_AMPERE = {10e-6, 100e-6, 1e-3, 10e-3, 100e-3};
    private static final String[] RANGE_NAME = {"10 µA", "100 µA", "1 mA", "10 mA", "100 mA"};

    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A signed current as value and unit: uA below 1 mA, else mA. */
    static String[] current(double ampere) {
        return Math.abs(ampere) < 1e-3 ? new String[] {fixed(ampere * 1e6), "uA"}
                : new String[] {fixed(ampere * 1e3), "mA"};
    }

    /** An amplitude in V as value and unit (V, mV or uV). */
    static String[] voltage(double volt) {
        if (volt >= 0.1) {
            return new String[] {fixed(volt), "V"};
        }
        return volt >= 1e-3 ? new String[] {fixed(volt * 1e3), "mV"} : new String[] {fixed(volt * 1e6), "uV"};
    }

    static String[] frequency(double hz) {
        if (hz >= 1e3) {
            return new String[] {fixed(hz / 1e3), "kHz"};
        }
        return hz >= 1 ? new String[] {fixed(hz), "Hz"} : new String[] {fixed(hz * 1e3), "mHz"};
    }

    /** The smallest current range holding |{@code ampere}|, or null above the largest. */
    static String range(double ampere) {
        for (int i = 0; i < RANGE_AMPERE.length; i++) {
            if (Math.abs(ampere) <= RANGE_AMPERE[i] * (1 + 1e-9)) {
                return RANGE_NAME[i];
            }
        }
        return null;
    }
}
