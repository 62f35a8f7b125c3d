package io.cellbench.drivers.keithley;

import io.cellbench.core.instrument.ChannelCommand;

/**
 * The commands a 2450 channel refuses before anything is sent: a current or voltage beyond
 * the lab file's {@code max_current} / {@code max_voltage}, an empty voltage window, a power
 * of 0 W or a load of 0 Ω.
 */
final class Keithley2450Limits {
    private Keithley2450Limits() {
    }

    /** Why the channel refuses {@code command} before sending anything, or null. */
    static String problem(ChannelCommand command, Keithley2450Settings settings) {
        double maxA = settings.maxCurrent();
        double maxV = settings.maxVoltage();
        return switch (command) {
            case ChannelCommand.OpenCircuit o -> null;
            case ChannelCommand.Current c -> !Double.isFinite(c.ampere()) || Math.abs(c.ampere()) > maxA
                    ? "current " + c.ampere() + " A is outside ±" + maxA + " A (max_current)"
                    : window(c.minVolt(), c.maxVolt());
            case ChannelCommand.Voltage v -> !Double.isFinite(v.volt()) || Math.abs(v.volt()) > maxV
                    ? "voltage " + v.volt() + " V is outside ±" + maxV + " V (max_voltage)"
                    : !(v.maxAmpere() >= 1e-9) || v.maxAmpere() > maxA
                    ? "current limit " + v.maxAmpere() + " A must be between 1 nA and " + maxA + " A (max_current)"
                    : null;
            case ChannelCommand.Power p -> !Double.isFinite(p.watt()) || p.watt() == 0
                    ? "power must be a non-zero number of watts, got " + p.watt()
                    : window(p.minVolt(), p.maxVolt());
            case ChannelCommand.Resistance r -> !(r.ohm() > 0) || Double.isInfinite(r.ohm())
                    ? "load resistance must be > 0 Ω, got " + r.ohm()
                    : null;
        };
    }

    private static String window(double minVolt, double maxVolt) {
        if (!Double.isFinite(minVolt) || !Double.isFinite(maxVolt) || !(minVolt < maxVolt)) {
            return "voltage window " + minVolt + " .. " + maxVolt + " V must be finite with min < max";
        }
        return null;
    }
}
