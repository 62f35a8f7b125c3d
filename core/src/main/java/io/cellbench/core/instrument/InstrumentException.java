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
}
