package io.cellbench.drivers.modbus;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import java.util.Set;

/**
 * {@code driver: modbus-pressure}: a load cell or pressure transmitter, optionally a motorised
 * press, over Modbus TCP or RTU with a register map. Settings: {@link ModbusPressureSettings#from}.
 */
public final class ModbusPressureFactory implements DriverFactory {

    public static final String NAME = "modbus-pressure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pressure fixture (load cell or pressure transmitter, optional motorised press) over Modbus TCP or RTU";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRESSURE_FIXTURE);
    }

    @Override
    public ModbusPressureFixture open(InstrumentConfig config) {
        return ModbusPressureFixture.open(config.name(), ModbusPressureSettings.from(config));
    }
}
