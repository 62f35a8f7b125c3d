package io.cellbench.protocols.model;

/**
 * The window a test must stay in. Leaving it is a fault (the channel goes to open circuit
 * and the test ends with a recorded reason), never a step end. Voltage in V, current in A
 * (applies to |I|'s signed value: min is the largest discharge current as a negative
 * number), temperature in °C, pressure in Pa.
 */
public record SafetyLimits(Range voltage, Range current, Range temperatureCelsius, Range pressure) {
    public static final SafetyLimits NONE =
            new SafetyLimits(Range.UNBOUNDED, Range.UNBOUNDED, Range.UNBOUNDED, Range.UNBOUNDED);
}
