package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.VerifiedFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A pressure fixture on Modbus: a load-cell transmitter (force, divided by the cell's area) or a
 * pressure transmitter, optionally with a motorised press that takes a setpoint. Each
 * {@link #readPressurePa()} is one register read (two with a status word and fault bits); a setpoint is one
 * write, followed by switching the enable register on when the map has one — every write is
 * an absolute value, safe to repeat after a lost answer. Closing leaves the press where it is:
 * a press keeps its force when the software lets go.
 */
public final class ModbusPressureFixture extends ModbusInstrument implements PressureFixture {

    private final ModbusPressureSettings settings;

    ModbusPressureFixture(String name, ModbusMaster master, ModbusPressureSettings settings) {
        super("modbus-pressure", name, master);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Connects and takes one reading, so a wrong address or a dead link shows at once. On failure the link is closed. */
    public static ModbusPressureFixture open(String name, ModbusPressureSettings settings) {
        return connected(new ModbusPressureFixture(name, settings.link().master(name), settings),
                ModbusPressureFixture::probe);
    }

    /**
     * The open's reads: one reading (failing on a fault bit, as every reading does) and, when the
     * map has one, the status word — whose bits cellbench ignores until 'fault_bits' names them,
     * which the report warns about.
     */
    private List<VerifiedFact> probe() {
        Register reading = settings.reading();
        double si = RegisterIo.read(master, reading);
        List<VerifiedFact> facts = new ArrayList<>();
        VerifiedFact read = read(reading.name(), reading, si);
        facts.add(ModbusPressureSettings.needsArea(reading)
                ? VerifiedFact.ok(read.what(), read.value() + " → " + ModbusPressureSettings.mpa(toPascal(si, reading)))
                : read);
        Register status = settings.status();
        if (status != null) {
            int word = RegisterIo.readRaw(master, status);
            checkStatus(word);
            String value = String.format(Locale.ROOT, "%s = 0x%04X", status.describe(), word);
            facts.add(settings.faultBits() == 0
                    ? VerifiedFact.warn("status", value, "no 'fault_bits' set: a fault the press reports in its status"
                            + " word goes unnoticed; name the bits that mean a fault, e.g. 'fault_bits: 0x0004'")
                    : VerifiedFact.ok("status", value + String.format(Locale.ROOT, " (fault bits 0x%04X clear)",
                            settings.faultBits())));
        }
        return facts;
    }

    private void checkStatus(int status) {
        if ((status & settings.faultBits()) != 0) {
            throw new InstrumentException(name, "read " + settings.status().describe(), String.format(Locale.ROOT,
                    "the press reports a fault: status 0x%04X (fault bits 0x%04X)", status, settings.faultBits()));
        }
    }

    @Override
    public double readPressurePa() {
        double value = RegisterIo.read(master, settings.reading());
        if (settings.status() != null && settings.faultBits() != 0) {
            checkStatus(RegisterIo.readRaw(master, settings.status()));
        }
        return toPascal(value, settings.reading());
    }

    @Override
    public boolean canSetPressure() {
        return settings.setpoint() != null;
    }

    @Override
    public void setPressurePa(double pascal) {
        String what = "set pressure " + ModbusPressureSettings.mpa(pascal);
        Register setpoint = settings.setpoint();
        if (setpoint == null) {
            throw new InstrumentException(name, what, "passive fixture: its lab entry has no 'setpoint' register");
        }
        if (!(pascal >= 0) || pascal > settings.maxPa()) {
            throw new InstrumentException(name, what, "pressure must be between 0 and "
                    + ModbusPressureSettings.mpa(settings.maxPa()) + " (setting 'max_pressure')");
        }
        double value = ModbusPressureSettings.needsArea(setpoint) ? pascal * settings.areaM2() : pascal;
        RegisterIo.write(master, setpoint, value, what);
        if (settings.enable() != null) {
            RegisterIo.switchOn(master, settings.enable(), true);
        }
    }

    private double toPascal(double si, Register r) {
        return ModbusPressureSettings.needsArea(r) ? si / settings.areaM2() : si;
    }
}
