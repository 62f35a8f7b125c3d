package io.cellbench.drivers.keithley;

import io.cellbench.core.instrument.ChannelLimits;

/**
 * What a 2450 channel may be told, from the lab file's settings: a current within
 * {@code max_current}, a voltage within ±{@code max_voltage} (an SMU sources both polarities),
 * a CV current limit of at least 1 nA (the instrument's smallest), any power through current
 * and voltage. With {@code rest: open-relay} it cannot measure the cell at rest.
 */
final class Keithley2450Limits {
    /** The 2450's smallest current limit, A. */
    private static final double MIN_CURRENT_LIMIT = 1e-9;

    private Keithley2450Limits() {
    }

    static ChannelLimits of(Keithley2450Settings settings) {
        RestMode rest = settings.rest();
        return new ChannelLimits(settings.maxCurrent(), -settings.maxVoltage(), settings.maxVoltage(),
                Double.POSITIVE_INFINITY, MIN_CURRENT_LIMIT, false,
                rest == RestMode.OPEN_RELAY ? "rest: " + rest.settingName() : null, "max_current", "max_voltage");
    }
}
