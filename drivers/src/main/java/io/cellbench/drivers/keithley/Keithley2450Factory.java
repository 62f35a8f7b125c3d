package io.cellbench.drivers.keithley;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.InstrumentLimits;
import io.cellbench.drivers.scpi.ScpiSession;
import io.cellbench.drivers.transport.LineFraming;
import java.time.Duration;
import java.util.Set;

/**
 * {@code driver: keithley-2450}: a Keithley 2450 SourceMeter as one cycler channel, over
 * LAN (raw socket, port 5025) or RS-232. Settings: see {@link Keithley2450Settings#from}.
 */
public final class Keithley2450Factory implements DriverFactory {

    public static final String NAME = "keithley-2450";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Keithley 2450 SourceMeter as a cycler channel (SCPI over LAN port 5025 or RS-232)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CYCLER_CHANNEL);
    }

    @Override
    public Keithley2450Channel open(InstrumentConfig config) {
        return open(config.name(), Keithley2450Settings.from(config));
    }

    @Override
    public void check(InstrumentConfig config) {
        Keithley2450Settings.from(config);
    }

    @Override
    public InstrumentLimits limits(InstrumentConfig config) {
        return new InstrumentLimits(Keithley2450Limits.of(Keithley2450Settings.from(config)));
    }

    /** Opens a channel named {@code name} with settings made in code. */
    public static Keithley2450Channel open(String name, Keithley2450Settings settings) {
        Duration writeTimeout = settings.timeout().multipliedBy(2);
        LineFraming framing = new LineFraming(name, settings.transport().create(writeTimeout), settings.terminator());
        ScpiSession session = new ScpiSession(framing, settings.timeout(), settings.retries());
        return Keithley2450Channel.open(session, settings);
    }
}
