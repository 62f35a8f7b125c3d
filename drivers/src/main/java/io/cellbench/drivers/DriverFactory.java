package io.cellbench.drivers;

import io.cellbench.core.instrument.Instrument;
import java.util.Set;

/**
 * Makes instruments of one kind ("keithley-2450", "modbus-pressure"). Factories are found
 * with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.cellbench.drivers.DriverFactory}), so a new driver needs no
 * change to the command line: a lab file names the driver, {@link Drivers} finds it.
 */
public interface DriverFactory {

    /** The name a lab file uses in {@code driver:}. Lower case, words joined by '-'. */
    String name();

    /** One line for {@code cellbench drivers} and error messages. */
    String description();

    /** What the instruments it makes can do. */
    Set<Capability> capabilities();

    /**
     * Connects to the instrument and returns it ready to use (identified, errors cleared).
     *
     * @throws DriverConfigException       when the settings are wrong (names the setting)
     * @throws io.cellbench.core.instrument.InstrumentException when the device cannot be reached
     */
    Instrument open(InstrumentConfig config);

    /**
     * Checks the settings without connecting ({@code cellbench validate} on a lab file): reads
     * them as {@link #open} would and throws on the first wrong one. The default checks
     * nothing; a driver should parse its settings here.
     *
     * @throws DriverConfigException naming the setting that is wrong
     */
    default void check(InstrumentConfig config) {
    }

    /**
     * What the instruments made with {@code config} may be told, as their settings declare it
     * (a cycler channel's ranges, polarity, and whether it measures the cell at rest), or
     * {@link InstrumentLimits#NONE}. The channels it opens must return the same limits from
     * {@code limits()}. Does not connect; settings are assumed {@linkplain #check checked}.
     */
    default InstrumentLimits limits(InstrumentConfig config) {
        return InstrumentLimits.NONE;
    }

    /** Capability interfaces of core an instrument may implement. */
    enum Capability { CYCLER_CHANNEL, EIS_ANALYZER, PRESSURE_FIXTURE, TEMPERATURE_CHAMBER, NATIVE_PROGRAM }
}
