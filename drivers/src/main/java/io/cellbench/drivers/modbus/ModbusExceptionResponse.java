package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;

/**
 * The device answered with a Modbus exception (function code + 0x80): it understood the
 * request and refused it, e.g. code 2 for an address it does not have. The link is in step,
 * so the master does not repeat the request: the lab file's register map is usually what
 * needs fixing. Two codes mean "later" (Modbus Application Protocol V1.1b3, §7): 6, server
 * device busy ("the client should retransmit the message later"), and 5, acknowledge (taken,
 * still being processed). Every request cellbench sends is a read or an absolute write, safe
 * to repeat, so those two are {@link #retryLater()}: the runner asks again after a back-off.
 */
public final class ModbusExceptionResponse extends InstrumentException {
    private final int code;

    public ModbusExceptionResponse(String instrument, String operation, int code) {
        super(instrument, operation, "device answered Modbus exception " + code + " (" + meaning(code) + ")"
                + hint(code));
        this.code = code;
    }

    /** The exception code (1 illegal function, 2 illegal data address, ...). */
    public int code() {
        return code;
    }

    /** Busy (6) or acknowledge (5): the same request, sent again later, goes through. */
    @Override
    public boolean retryLater() {
        return code == 5 || code == 6;
    }

    /** The name the Modbus specification gives an exception code. */
    public static String meaning(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "server device failure";
            case 5 -> "acknowledge";
            case 6 -> "server device busy";
            case 8 -> "memory parity error";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target device failed to respond";
            default -> "not defined by the Modbus specification";
        };
    }

    private static String hint(int code) {
        return switch (code) {
            case 1 -> "; check 'function' (holding, input or coil) in the register map";
            case 2 -> "; check 'address' in the register map (protocol addresses start at 0: register 40001 is"
                    + " holding 0, 30001 is input 0)";
            case 3 -> "; the device refused the value or the register count";
            case 11 -> "; no device behind the gateway answered: check 'unit_id' (the address of the serial device"
                    + " behind it)";
            default -> "";
        };
    }
}
