package io.cellbench.cli;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.quantity.QuantityParseException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into messages a technician can act on. Known problems (bad files, bad
 * values, instrument failures) print their message alone; anything else is a bug in
 * cellbench and says so, with the stack trace only when CELLBENCH_DEBUG is set.
 */
final class UserErrors implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INSTRUMENT = 3;
    static final int INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof io.cellbench.daq.run.RecordingFailure f) {
            err.println("error: " + f.getMessage()); // names the cell and the file, which its cause does not
            return BAD_INPUT;
        }
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof NoSuchFileException nsf) {
            err.println("error: no such file: " + nsf.getFile());
            return BAD_INPUT;
        }
        if (t instanceof UserError || t instanceof QuantityParseException || isFileProblem(t)) {
            err.println(t.getMessage().startsWith("error") || looksLocated(t.getMessage())
                    ? t.getMessage() : "error: " + t.getMessage());
            return BAD_INPUT;
        }
        if (t instanceof InstrumentException) {
            err.println("instrument error: " + t.getMessage());
            return INSTRUMENT;
        }
        if (t instanceof java.io.IOException) {
            err.println("error: " + t.getMessage());
            return BAD_INPUT;
        }
        err.println("internal error in cellbench: " + t);
        if (System.getenv("CELLBENCH_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("(set CELLBENCH_DEBUG=1 to see the stack trace, and please report it)");
        }
        return INTERNAL;
    }

    /** Exceptions from the file languages (protocols, schedules) carry file:line:col already. */
    private static boolean isFileProblem(Throwable t) {
        String name = t.getClass().getSimpleName();
        return name.equals("ProtocolException") || name.equals("ScheduleException");
    }

    private static boolean looksLocated(String message) {
        return message.matches("(?s)^[^\\s:]+:\\d+:\\d+:.*");
    }
}
