package io.cellbench.drivers.modbus;

/** Why one attempt at a Modbus transaction got no usable answer; the master turns it into an InstrumentException. */
final class WireProblem extends Exception {

    enum Kind { TIMEOUT, CLOSED, MALFORMED }

    final Kind kind;

    WireProblem(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    WireProblem(Kind kind, String message) {
        this(kind, message, null);
    }
}
