package io.cellbench.drivers.maccor;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.InstrumentLimits;
import java.util.Set;

/**
 * {@code driver: maccor-macnet}: a Maccor test system over MacNet (JSON-RPC 2.0 over TCP, port
 * 57570) as a bank of cycler channels in direct mode. Settings: see {@link MaccorSettings#from}.
 * Message formats follow BatteryDataAlliance/pymacnet.
 */
public final class MaccorMacNetFactory implements DriverFactory {

    public static final String NAME = "maccor-macnet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Maccor test system over MacNet (JSON-RPC over TCP 57570), channels in direct mode";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CYCLER_CHANNEL);
    }

    @Override
    public void check(InstrumentConfig config) {
        MaccorSettings.from(config);
    }

    @Override
    public InstrumentLimits limits(InstrumentConfig config) {
        return new InstrumentLimits(DirectOutputs.limits(MaccorSettings.from(config)));
    }

    @Override
    public MaccorBank open(InstrumentConfig config) {
        return MaccorBank.open(config.name(), MaccorSettings.from(config));
    }
}
