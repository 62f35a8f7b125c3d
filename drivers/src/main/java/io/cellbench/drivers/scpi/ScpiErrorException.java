package io.cellbench.drivers.scpi;

import io.cellbench.core.instrument.InstrumentException;
import java.util.List;

/** The instrument's error queue held entries after a command: the device refused or failed it. */
public final class ScpiErrorException extends InstrumentException {
    private final transient List<ScpiError> errors;

    public ScpiErrorException(String instrument, String command, List<ScpiError> errors) {
        super(instrument, command, "the instrument reports " + describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ScpiError> errors() {
        return errors;
    }

    private static String describe(List<ScpiError> errors) {
        StringBuilder b = new StringBuilder();
        for (ScpiError e : errors) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(e);
        }
        return b.toString();
    }
}
