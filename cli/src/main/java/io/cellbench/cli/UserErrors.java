package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.quantity.QuantityParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
        if (isFileProblem(t)) {
            err.println(t.getMessage()); // "file:line:column: error: …" or "file: error: …" already
            return BAD_INPUT;
        }
        if (t instanceof UserError || t instanceof QuantityParseException) {
            err.println(t.getMessage().startsWith("error") || looksLocated(t.getMessage())
                    ? t.getMessage() : "error: " + t.getMessage());
            return BAD_INPUT;
        }
        if (t instanceof InstrumentException) {
            err.println("instrument error: " + t.getMessage());
            return INSTRUMENT;
        }
        if (t instanceof IOException io) {
            err.println("error: " + describe(io));
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

    /**
     * What went wrong with a file, in words. A Java file exception's message is often the path
     * alone ("/data/run: error" for a permission problem); its class says what happened.
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String what = switch (fs) {
                case NoSuchFileException x -> "no such file or folder";
                case AccessDeniedException x -> "permission denied";
                case FileAlreadyExistsException x -> "already exists";
                case NotDirectoryException x -> "not a directory";
                case DirectoryNotEmptyException x -> "the folder is not empty";
                default -> fs.getReason() != null ? fs.getReason().toLowerCase(java.util.Locale.ROOT) : "cannot use it";
            };
            String reason = fs.getReason() != null && !fs.getReason().equalsIgnoreCase(what) ? " (" + fs.getReason() + ")"
                    : "";
            String file = fs.getFile() != null ? fs.getFile() : String.valueOf(fs.getMessage());
            String other = fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "";
            String hint = fs instanceof AccessDeniedException
                    ? "\n  hint: check the permissions of the file and of its folder (ls -ld), or choose another place"
                    : fs instanceof NoSuchFileException ? "\n  hint: check the path" : "";
            return file + other + ": " + what + reason + hint;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
