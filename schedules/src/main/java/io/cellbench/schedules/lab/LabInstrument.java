package io.cellbench.schedules.lab;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.protocols.model.SourceLocation;
import java.util.Objects;

/**
 * One {@code instruments:} entry of a lab file: its driver (found on the class path) and the
 * settings that driver reads when it opens the instrument. {@code at} is the entry's name in
 * the lab file.
 */
public record LabInstrument(String name, DriverFactory driver, InstrumentConfig config, SourceLocation at) {

    public LabInstrument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(config, "config");
    }

    public boolean can(DriverFactory.Capability capability) {
        return driver.capabilities().contains(capability);
    }
}
