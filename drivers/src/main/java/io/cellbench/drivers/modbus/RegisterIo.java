package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.quantity.Dimension;
import java.util.Locale;
import java.util.StringJoiner;

/** Reads and writes {@link Register}s through a {@link ModbusMaster}, with messages that name the register. */
final class RegisterIo {

    /**
     * No force or pressure a lab fixture holds comes near 1e12 N or 1e12 Pa (1 TPa); a register
     * that says so holds an over-range or error code (many transmitters put the largest float32
     * there) or is decoded wrongly.
     */
    static final double LARGEST_FORCE_OR_PRESSURE = 1e12;

    private RegisterIo() {
    }

    /**
     * The register's value in SI units.
     *
     * @throws InstrumentException naming the register and what it held when that is no reading:
     *         NaN or an infinity, or a value no such quantity can have
     */
    static double read(ModbusMaster master, Register r) {
        if (r.table() == RegisterTable.COIL) {
            return master.readCoils(r.address(), 1)[0] ? 1 : 0;
        }
        short[] words = master.readRegisters(r.table(), r.address(), r.words());
        double si = r.decode(words);
        String problem = notAReading(r, words, si);
        if (problem != null) {
            throw new InstrumentException(master.instrument(), ModbusMaster.operation("read", r.table(), r.address(),
                    r.words()), problem);
        }
        return si;
    }

    /** Why {@code si}, decoded from {@code words}, is no reading of {@code r}; null when it is one. */
    static String notAReading(Register r, short[] words, double si) {
        double inUnit = r.inUnit(words);
        String held = r.describe() + " holds ";
        if (!Double.isFinite(inUnit) || !Double.isFinite(si)) {
            return held + (Double.isFinite(inUnit) ? shown(inUnit) : Double.toString(inUnit)) + " (registers "
                    + hex(words) + "): the device has no value there (a broken or unplugged sensor?)";
        }
        Dimension d = r.unit() == null ? null : r.unit().dimension();
        String limit = null;
        if ((d == Dimension.FORCE || d == Dimension.PRESSURE) && Math.abs(si) > LARGEST_FORCE_OR_PRESSURE) {
            limit = d == Dimension.FORCE ? "beyond any force a fixture can hold (" + shown(LARGEST_FORCE_OR_PRESSURE)
                    + " N)" : "beyond any pressure a fixture can hold (" + shown(LARGEST_FORCE_OR_PRESSURE) + " Pa)";
        } else if (d == Dimension.TEMPERATURE && si < 0) {
            limit = "below absolute zero";
        }
        if (limit == null) {
            return null;
        }
        return held + shown(inUnit) + " " + r.unit().symbol() + " (registers " + hex(words) + "), " + limit
                + ": an over-range or error code of the device, or a wrong 'type', "
                + (r.type() == RegisterType.FLOAT32 || r.words() == 2 ? "'word_order' or 'scale'" : "'scale', 'offset' or 'unit'")
                + " in the register map";
    }

    /** Seven significant digits without trailing zeros: "-300", "3.402823e+38". */
    static String shown(double v) {
        return String.format(Locale.ROOT, "%.7g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    /** "7FC0 0000". */
    static String hex(short[] words) {
        StringJoiner j = new StringJoiner(" ");
        for (short w : words) {
            j.add(String.format(Locale.ROOT, "%04X", w & 0xFFFF));
        }
        return j.toString();
    }

    /** The raw content of a one-register status word (or a coil as 0/1). */
    static int readRaw(ModbusMaster master, Register r) {
        if (r.table() == RegisterTable.COIL) {
            return master.readCoils(r.address(), 1)[0] ? 1 : 0;
        }
        return (int) r.raw(master.readRegisters(r.table(), r.address(), r.words()));
    }

    /** Writes {@code si} (SI units); {@code what} says what for ("setpoint 50 MPa"). */
    static void write(ModbusMaster master, Register r, double si, String what) {
        short[] words;
        try {
            words = r.encode(si);
        } catch (IllegalArgumentException e) {
            throw new InstrumentException(master.instrument(), what, e.getMessage());
        }
        master.writeRegisters(r.address(), words);
    }

    /** Switches a coil, or writes 1/0 to a holding register. */
    static void switchOn(ModbusMaster master, Register r, boolean on) {
        if (r.table() == RegisterTable.COIL) {
            master.writeCoil(r.address(), on);
        } else {
            master.writeRegisters(r.address(), new short[] {(short) (on ? 1 : 0)});
        }
    }
}
