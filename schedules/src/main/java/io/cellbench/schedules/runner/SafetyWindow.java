package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;

/**
 * The protocol's safety window, checked on every sample. A value that is {@code NaN} (no
 * instrument measures it) is not checked. Returns a message naming the value and the limit
 * it crossed; the message is built only when a limit is crossed.
 */
final class SafetyWindow {
    private final Range voltage;
    private final Range current;
    private final Range temperature;
    private final Range pressure;

    SafetyWindow(SafetyLimits limits) {
        SafetyLimits l = limits == null ? SafetyLimits.NONE : limits;
        voltage = orUnbounded(l.voltage());
        current = orUnbounded(l.current());
        temperature = orUnbounded(l.temperatureCelsius());
        pressure = orUnbounded(l.pressure());
    }

    private static Range orUnbounded(Range r) {
        return r == null ? Range.UNBOUNDED : r;
    }

    /**
     * The first limit crossed, or {@code null} when all values are inside the window.
     *
     * @param cellCelsius    the channel's thermocouple, {@code NaN} when it has none
     * @param chamberCelsius the chamber's last reading, {@code NaN} when there is no chamber
     * @param pascal         the fixture's last reading, {@code NaN} when there is no fixture
     */
    String violation(double volt, double ampere, double cellCelsius, double chamberCelsius, double pascal) {
        if (outside(voltage, volt)) {
            return describe("voltage", volt, voltage, " V", 1);
        }
        if (outside(current, ampere)) {
            return describe("current", ampere, current, " A", 1);
        }
        if (outside(temperature, cellCelsius)) {
            return describe("cell temperature", cellCelsius, temperature, " °C", 1);
        }
        if (outside(temperature, chamberCelsius)) {
            return describe("chamber temperature", chamberCelsius, temperature, " °C", 1);
        }
        if (outside(pressure, pascal)) {
            return describe("pressure", pascal, pressure, " MPa", 1e-6);
        }
        return null;
    }

    private static boolean outside(Range r, double v) {
        return v < r.min() || v > r.max();
    }

    private static String describe(String what, double value, Range r, String unit, double scale) {
        boolean above = value > r.max();
        double limit = above ? r.max() : r.min();
        return what + " " + Texts.number(value * scale) + unit + " is " + (above ? "above" : "below")
                + " the safety limit " + Texts.number(limit * scale) + unit;
    }

    Range voltage() {
        return voltage;
    }

    Range current() {
        return current;
    }

    Range temperature() {
        return temperature;
    }

    Range pressure() {
        return pressure;
    }
}
