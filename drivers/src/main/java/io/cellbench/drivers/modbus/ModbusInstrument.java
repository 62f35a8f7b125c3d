package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.Instrument;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the Modbus chamber and the Modbus pressure fixture share: a name, the master they talk
 * through, and opening with one probe read so a wrong address or a dead link shows at once.
 * Closing only closes the link: the controller keeps what it was last told.
 */
abstract class ModbusInstrument implements Instrument {

    private final String driver;
    final String name;
    final ModbusMaster master;

    ModbusInstrument(String driver, String name, ModbusMaster master) {
        this.driver = driver;
        this.name = Objects.requireNonNull(name, "name");
        this.master = Objects.requireNonNull(master, "master");
    }

    /** Connects {@code device}'s master and runs {@code probe} once; on failure the link is closed. */
    static <D extends ModbusInstrument> D connected(D device, Consumer<? super D> probe) {
        try {
            device.master.connect();
            probe.accept(device);
            return device;
        } catch (RuntimeException e) {
            device.master.close();
            throw e;
        }
    }

    /** The master underneath (tests: reconnect counts). */
    public ModbusMaster master() {
        return master;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String identify() {
        return driver + ": " + master.describe();
    }

    @Override
    public void close() {
        master.close();
    }
}
