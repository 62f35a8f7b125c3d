package io.cellbench.core.instrument;

/**
 * What a cycler channel is told to do. Signs follow the Battery Data Format: current and
 * power are positive while charging.
 */
public sealed interface ChannelCommand {

    /** Output off, relay open: the cell floats at open-circuit voltage. */
    record OpenCircuit() implements ChannelCommand {
    }

    /** Constant current; the channel clamps the voltage to the given window. */
    record Current(double ampere, double minVolt, double maxVolt) implements ChannelCommand {
    }

    /** Constant voltage; the channel limits |current| to {@code maxAmpere}. */
    record Voltage(double volt, double maxAmpere) implements ChannelCommand {
    }

    /** Constant power (W, positive on charge); the channel clamps the voltage to the window. */
    record Power(double watt, double minVolt, double maxVolt) implements ChannelCommand {
    }

    /** Discharge through a constant load resistance. */
    record Resistance(double ohm) implements ChannelCommand {
    }

    /** The command as an operator reads it in a message ("CC 0.001 A within 1.9..3.7 V"). */
    default String describe() {
        return switch (this) {
            case OpenCircuit o -> "rest";
            case Current c -> "CC " + c.ampere() + " A within " + c.minVolt() + ".." + c.maxVolt() + " V";
            case Voltage v -> "CV " + v.volt() + " V, |I| ≤ " + v.maxAmpere() + " A";
            case Power p -> "CP " + p.watt() + " W within " + p.minVolt() + ".." + p.maxVolt() + " V";
            case Resistance r -> "load " + r.ohm() + " Ω";
        };
    }
}
