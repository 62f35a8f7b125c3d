package io.cellbench.drivers.neware;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import java.util.Set;

/**
 * {@code driver: neware-bts}: a Neware BTS server (BTS Client 8.x, API activated) over its XML
 * API on TCP port 502, whose channels run step files compiled by {@code cellbench compile --to
 * neware}. Settings: see {@link NewareBtsSettings#from}. Message formats follow the replies
 * recorded from a real BTS 8.0 server and aurora-neware's requests.
 */
public final class NewareBtsFactory implements DriverFactory {

    public static final String NAME = "neware-bts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Neware BTS 8.x over its XML API (TCP 502): channels run compiled step files (delegated control)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.NATIVE_PROGRAM);
    }

    @Override
    public void check(InstrumentConfig config) {
        NewareBtsSettings.from(config, false);
    }

    @Override
    public NewareBts open(InstrumentConfig config) {
        return NewareBts.open(config.name(), NewareBtsSettings.from(config));
    }
}
