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
     * The setting that keeps channels made with {@code config} from measuring the cell while it
     * rests (for example {@code "rest: open-relay"}: the output relay disconnects the cell), or
     * {@code null} when they measure it at rest as a cycler does. A rest that must end on the
     * voltage could never end on such a channel, so {@code validate} and {@code run} refuse it
     * before the run starts. Does not connect; settings are assumed {@linkplain #check checked}.
     */
    default String restUnmeasuredBy(InstrumentConfig config) {
        return null;
    }

    /**
     * What the cycler channels made with {@code config} can source, as their settings declare
     * it, or {@code null} when the driver declares nothing. {@code validate --lab} and
     * {@code run --lab} hold every cell's protocol against it before anything connects, so a
     * set point the channel would refuse is found in the file, not at the step. Does not
     * connect; settings are assumed {@linkplain #check checked}.
     */
    default ChannelRange channelRange(InstrumentConfig config) {
        return null;
    }

    /** The largest |current| (A) and voltage (V) a channel may be told to source: max_current, max_voltage. */
    record ChannelRange(double maxCurrentAmpere, double maxVoltageVolt) {
    }

    /** Capability interfaces of core an instrument may implement. */
    enum Capability { CYCLER_CHANNEL, EIS_ANALYZER, PRESSURE_FIXTURE, TEMPERATURE_CHAMBER, NATIVE_PROGRAM }
}
