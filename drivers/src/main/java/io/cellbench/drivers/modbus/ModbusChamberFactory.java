package io.cellbench.drivers.modbus;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import java.util.Set;

/**
 * {@code driver: modbus-chamber}: a temperature chamber controller over Modbus TCP or RTU with a
 * register map (actual temperature, setpoint, optional run). Settings: {@link ModbusChamberSettings#from}.
 */
public final class ModbusChamberFactory implements DriverFactory {

    public static final String NAME = "modbus-chamber";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "temperature chamber controller (actual temperature, setpoint, run) over Modbus TCP or RTU";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.TEMPERATURE_CHAMBER);
    }

    @Override
    public ModbusChamber open(InstrumentConfig config) {
        return ModbusChamber.open(config.name(), ModbusChamberSettings.from(config));
    }
}
