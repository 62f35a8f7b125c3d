package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.Instrument;
import io.cellbench.core.instrument.VerifiedFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the Modbus chamber and the Modbus pressure fixture share: a name, the master they talk
 * through, and opening with a probe read so a wrong address or a dead link shows at once; what
 * that read found is kept for {@code cellbench probe} ({@link #verified()}). Closing only lets
 * go of the link: the controller keeps what it was last told.
 */
abstract class ModbusInstrument implements Instrument {

    private final String driver;
    final String name;
    final ModbusMaster master;
    private List<VerifiedFact> verified = List.of();

    ModbusInstrument(String driver, String name, ModbusMaster master) {
        this.driver = driver;
        this.name = Objects.requireNonNull(name, "name");
        this.master = Objects.requireNonNull(master, "master");
    }

    /**
     * Connects {@code device}'s master and runs {@code probe} once, which reads the device and
     * says what it found; on failure the link is let go.
     */
    static <D extends ModbusInstrument> D connected(D device, Function<? super D, List<VerifiedFact>> probe) {
        try {
            device.master.connect();
            List<VerifiedFact> found = probe.apply(device);
            List<VerifiedFact> facts = new ArrayList<>();
            facts.add(VerifiedFact.ok("unit id", device.master.unit() + " answered (" + device.master.describe() + ")"));
            List<String> neighbours = device.master.neighbours();
            if (!neighbours.isEmpty()) {
                facts.add(VerifiedFact.ok("line", "shared with " + String.join(", ", neighbours)
                        + " (one port, requests in turn)"));
            }
            facts.addAll(found);
            ((ModbusInstrument) device).verified = List.copyOf(facts);
            return device;
        } catch (RuntimeException e) {
            device.master.close();
            throw e;
        }
    }

    /** "input 0x0000 int16 (temperature) = 25.3 °C": what a register read, in its own unit. */
    static VerifiedFact read(String what, Register r, double si) {
        double inUnit = r.unit() == null ? si : r.unit().fromSi(si);
        return VerifiedFact.ok(what, r.describe() + " = " + RegisterIo.shown(inUnit)
                + (r.unit() == null ? "" : " " + r.unit().symbol()));
    }

    /** What the driver checked at open: the unit that answered, the line, the registers read. */
    @Override
    public List<VerifiedFact> verified() {
        return verified;
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
