package io.cellbench.core.instrument;

/**
 * One measurement from a cycler channel. Current is positive while charging.
 * {@code temperatureCelsius} is the channel's cell thermocouple, {@code NaN} when it has none.
 *
 * <p><b>Not measured.</b> A channel resting ({@link ChannelCommand.OpenCircuit}) with the cell
 * disconnected (a relay open, e.g. the Keithley 2450's {@code rest: open-relay}) cannot measure
 * it: it reads {@code NaN} V with 0 A (or {@code NaN} A), see {@link #disconnected()}. At rest
 * that is a legitimate state; under any other command a {@code NaN} is a failed read.
 */
public record ChannelReading(double voltageVolt, double currentAmpere, double temperatureCelsius) {

    /** Whether this is the "disconnected, not measured" reading: {@code NaN} V with 0 A or {@code NaN} A. */
    public boolean disconnected() {
        return Double.isNaN(voltageVolt) && (currentAmpere == 0 || Double.isNaN(currentAmpere));
    }
}
