package io.cellbench.drivers.palmsens;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.Terminator;
import java.util.Set;

/**
 * {@code driver: palmsens-methodscript}: a PalmSens potentiostat with MethodSCRIPT firmware
 * (EmStat4, EmStat Pico, Sensit) as an impedance analyzer, optionally behind a PalmSens
 * multiplexer. Settings: see {@link PalmSensSettings#from}.
 */
public final class PalmSensFactory implements DriverFactory {

    public static final String NAME = "palmsens-methodscript";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PalmSens EmStat/Sensit impedance analyzer (MethodSCRIPT over serial, optional multiplexer)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.EIS_ANALYZER);
    }

    @Override
    public void check(InstrumentConfig config) {
        PalmSensSettings.from(config);
    }

    @Override
    public PalmSensEisAnalyzer open(InstrumentConfig config) {
        return open(config.name(), PalmSensSettings.from(config));
    }

    /** Opens an analyzer named {@code name} with settings made in code. */
    public static PalmSensEisAnalyzer open(String name, PalmSensSettings settings) {
        LineFraming framing = new LineFraming(name, settings.transport().create(settings.timeout().multipliedBy(2)),
                Terminator.LF);
        return PalmSensEisAnalyzer.open(framing, settings);
    }
}
