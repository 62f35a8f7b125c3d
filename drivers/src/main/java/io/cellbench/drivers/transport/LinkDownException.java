package io.cellbench.drivers.transport;

import io.cellbench.core.instrument.InstrumentException;

/** The link to the instrument failed: refused, reset, closed by the peer, or the port vanished. */
public final class LinkDownException extends InstrumentException {
    public LinkDownException(String instrument, String command, String message, Throwable cause) {
        super(instrument, command, message, cause);
    }
}
