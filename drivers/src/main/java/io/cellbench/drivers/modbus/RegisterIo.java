package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;

/** Reads and writes {@link Register}s through a {@link ModbusMaster}, with messages that name the register. */
final class RegisterIo {
    private RegisterIo() {
    }

    /** The register's value in SI units. */
    static double read(ModbusMaster master, Register r) {
        if (r.table() == RegisterTable.COIL) {
            return master.readCoils(r.address(), 1)[0] ? 1 : 0;
        }
        short[] words = master.readRegisters(r.table(), r.address(), r.words());
        double v = r.decode(words);
        if (!Double.isFinite(v)) {
            throw new InstrumentException(master.instrument(), ModbusMaster.operation("read", r.table(), r.address(),
                    r.words()), r.describe() + " holds " + v + " (a float32 NaN or infinity: the device reports no value)");
        }
        return v;
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
