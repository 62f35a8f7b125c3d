package io.cellbench.drivers.maccor;

import io.cellbench.core.instrument.InstrumentException;

/** MacNet answered a request with a JSON-RPC {@code error} object. */
public final class MacNetErrorException extends InstrumentException {
    private final int code;

    public MacNetErrorException(String instrument, String command, int code, String message) {
        super(instrument, command, "MacNet error " + code + (message.isBlank() ? "" : ": " + message));
        this.code = code;
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }
}
