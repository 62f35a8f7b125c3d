package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import java.util.EnumMap;
import java.util.Map;

/**
 * The largest value of each kind a protocol may hold: well beyond any battery-test
 * instrument (a 2 kV, 10 kA pack tester, a 100 MHz impedance analyzer, a 10 GPa press; C-rates
 * up to 100,000 C, as PyBaMM's own examples go to 20,000 C) and
 * far short of numbers that only a slip of the exponent or the unit writes. "Charge at 1e308
 * A" or "Rest for 1e300 hours" is refused where it is written instead of being run. A safety
 * window or an instrument's declared range narrows these further. docs/protocols.md lists them.
 */
public final class PhysicalBounds {

    /** Five years: the longest any protocol may run (see {@code ProtocolSize}). */
    public static final double MAX_SECONDS = 5 * 365.25 * 86400;

    private record Bound(double largest, String shown) {
    }

    private static final Map<Dimension, Bound> LARGEST = new EnumMap<>(Map.ofEntries(
            Map.entry(Dimension.CURRENT, new Bound(10e3, "10 kA")),
            Map.entry(Dimension.C_RATE, new Bound(100e3, "100000 C")),
            Map.entry(Dimension.VOLTAGE, new Bound(2e3, "2 kV")),
            Map.entry(Dimension.POWER, new Bound(1e6, "1 MW")),
            Map.entry(Dimension.RESISTANCE, new Bound(1e12, "1e12 Ohm")),
            Map.entry(Dimension.CHARGE, new Bound(10e3, "10 kAh")),
            Map.entry(Dimension.ENERGY, new Bound(1e6, "1 MWh")),
            Map.entry(Dimension.TIME, new Bound(MAX_SECONDS, "5 years")),
            Map.entry(Dimension.FREQUENCY, new Bound(100e6, "100 MHz")),
            Map.entry(Dimension.PRESSURE, new Bound(10e9, "10 GPa")),
            Map.entry(Dimension.TEMPERATURE, new Bound(1000.0, "1000 °C"))));

    /** The lowest frequency: one period of 10 µHz already takes 28 hours. */
    public static final double MIN_HERTZ = 10e-6;

    private PhysicalBounds() {
    }

    /** The largest |value| of {@code d} in the model unit, or infinity when there is no bound. */
    public static double largest(Dimension d) {
        Bound b = LARGEST.get(d);
        return b == null ? Double.POSITIVE_INFINITY : b.largest();
    }

    /** "10 kA", "5 years": the bound as it is printed in messages and the docs. */
    public static String describe(Dimension d) {
        Bound b = LARGEST.get(d);
        return b == null ? "none" : b.shown();
    }

    /** Refuses a value beyond the bound of its kind, at the characters it was written in. */
    static void check(Amount a, Cursor c) {
        double limit = largest(a.dimension());
        if (Math.abs(a.value()) > limit) {
            String kind = AmountReader.article(a.dimension());
            throw c.src().error(a.start(), a.end(), "'" + c.text(a) + "' is beyond the largest "
                            + kind.substring(kind.indexOf(' ') + 1) + " a protocol may hold (" + describe(a.dimension()) + ")",
                    a.dimension() == Dimension.TIME ? "a protocol runs for at most 5 years: check the number and its unit"
                            : "check the number, its exponent and its unit (mA rather than A?)");
        }
        if (a.dimension() == Dimension.FREQUENCY && a.value() > 0 && a.value() < MIN_HERTZ) {
            throw c.src().error(a.start(), a.end(), "'" + c.text(a) + "' is below the lowest frequency a sweep may"
                    + " reach (10 µHz, one period of which takes 28 hours)", "check the number and its unit (mHz, not µHz?)");
        }
    }
}
