package io.cellbench.core.instrument;

/**
 * One measurement from a cycler channel. Current is positive while charging.
 * {@code temperatureCelsius} is the channel's cell thermocouple, {@code NaN} when it has none.
 */
public record ChannelReading(double voltageVolt, double currentAmpere, double temperatureCelsius) {
}
