package io.cellbench.importers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be imported, with where: the file, and for binary files the member and
 * byte offset, or for text files the line. The message is meant for the user as it stands.
 */
public final class ImportException extends Exception {

    private final Path file;

    public ImportException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** {@code file:where: message}, e.g. a line number. */
    private ImportException(Path file, String where, String message) {
        super(file + ":" + where + ": " + message);
        this.file = file;
    }

    public ImportException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** An error at a byte offset of a binary file (or of a member inside it, e.g. {@code data.ndc}). */
    public static ImportException at(Path file, String member, long offset, String message) {
        String where = (member == null ? "" : member + " ") + "offset " + offset + " (0x" + Long.toHexString(offset) + ")";
        return new ImportException(file, where + ": " + message);
    }

    /** An error on a line of a text file. */
    public static ImportException atLine(Path file, long line, String message) {
        return new ImportException(file, String.valueOf(line), message);
    }

    public static ImportException io(Path file, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ImportException(file, "cannot read: " + reason, e);
    }

    /** The file, without line or offset. */
    public Path file() {
        return file;
    }
}
