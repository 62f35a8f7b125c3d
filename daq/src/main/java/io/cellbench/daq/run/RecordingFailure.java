package io.cellbench.daq.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A cell's data could not be written to the run directory: which cell, which file, and the
 * operating system's reason ("No space left on device"), in words a technician can act on,
 * never a Java class name. The runner stops the cell at open circuit on it, so that the run
 * can be resumed once the cause is gone (docs/operations.md, "A full disk").
 */
public final class RecordingFailure extends UncheckedIOException {
    private final String cellId;
    private final Path file;

    public RecordingFailure(String cellId, String what, Path file, IOException cause) {
        super(text(cellId, what, file, cause), cause);
        this.cellId = cellId;
        this.file = file;
    }

    /** The cell whose data it was ("(all)" for the run's shared files). */
    public String cellId() {
        return cellId;
    }

    public Path file() {
        return file;
    }

    private static String text(String cellId, String what, Path file, IOException cause) {
        return "cell " + cellId + ": cannot write " + what + " to " + file + ": " + reason(cause);
    }

    /** The operating system's reason, without the file name a FileSystemException repeats, nor a class name. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the write failed" : m;
    }
}
