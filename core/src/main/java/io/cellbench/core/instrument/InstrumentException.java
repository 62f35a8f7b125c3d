package io.cellbench.core.instrument;

/**
 * A device did not do what was asked: it timed out, answered garbage, reported an error or
 * the link dropped. Names the instrument and the command so an operator can act.
 */
public class InstrumentException extends RuntimeException {
    private final String instrument;
    private final String command;

    public InstrumentException(String instrument, String command, String message) {
        this(instrument, command, message, null);
    }

    public InstrumentException(String instrument, String command, String message, Throwable cause) {
        super(instrument + ": " + (command == null ? "" : "'" + command + "': ") + message, cause);
        this.instrument = instrument;
        this.command = command;
    }

    public String instrument() {
        return instrument;
    }

    /** The command that failed, or {@code null} when the failure was not tied to one. */
    public String command() {
        return command;
    }

    /**
     * True when the instrument refused the command for now and asked for it again later (a
     * Modbus device's exception 6, server device busy, or 5, acknowledge), and the driver knows
     * the command is safe to send again (an absolute set-point). The runner then sends it again
     * after its back-off, within the run's fault bound, instead of faulting the cell at once.
     */
    public boolean retryLater() {
        return false;
    }
}
