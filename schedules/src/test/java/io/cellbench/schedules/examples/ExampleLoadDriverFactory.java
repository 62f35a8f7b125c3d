package io.cellbench.schedules.examples;

import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.core.quantity.Dimension;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.InstrumentLimits;
import io.cellbench.drivers.SettingReader;
import java.util.Set;

/**
 * The "how to add a driver" recipe of docs/architecture.md, followed to the letter and found
 * only through the services file beside it (src/test/resources/META-INF/services): a cycler
 * channel in memory ({@link ExampleLoadChannel}), with its settings read as a lab file gives
 * them and its limits declared once, for the lab check and for the channel.
 */
public final class ExampleLoadDriverFactory implements DriverFactory {
    static final String NAME = "example-load";

    /** What a lab file may say of it. */
    record Settings(double maxCurrentAmpere, double maxVolt) {
        static Settings from(InstrumentConfig config) {
            SettingReader s = new SettingReader(config);
            s.requireOnly(Set.of("max_current", "max_voltage"));
            return new Settings(s.positive("max_current", Dimension.CURRENT, 0.01, 1),
                    s.positive("max_voltage", Dimension.VOLTAGE, 5, 10));
        }

        /** A unipolar source up to max_voltage; it measures the cell at rest. */
        ChannelLimits limits() {
            return new ChannelLimits(maxCurrentAmpere, 0, maxVolt, maxCurrentAmpere * maxVolt, 0, false, null,
                    "max_current", "max_voltage");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an example cycler channel in memory (docs/architecture.md, how to add a driver)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CYCLER_CHANNEL);
    }

    @Override
    public void check(InstrumentConfig config) {
        Settings.from(config);
    }

    @Override
    public InstrumentLimits limits(InstrumentConfig config) {
        return new InstrumentLimits(Settings.from(config).limits());
    }

    @Override
    public ExampleLoadChannel open(InstrumentConfig config) {
        return new ExampleLoadChannel(config.name(), Settings.from(config).limits());
    }
}
