package io.cellbench.drivers.transport;

import io.cellbench.core.instrument.InstrumentException;

/** The instrument did not answer (or not completely) before the deadline. */
public final class TransportTimeoutException extends InstrumentException {
    public TransportTimeoutException(String instrument, String command, String message) {
        super(instrument, command, message);
    }
}
