package io.cellbench.importers;

import java.nio.file.Path;
import java.util.List;

/** Reads one vendor format and streams it to a {@link RecordSink}. Implementations keep no state between files. */
public interface CyclerFileReader {

    /** Reader id, e.g. {@code neware-ndax}, also written to run.json. */
    String format();

    /** File name endings this reader is for, lower case, e.g. {@code .ndax}. */
    List<String> extensions();

    /** Whether the first bytes of a file look like this format (magic numbers, header text). */
    boolean recognizes(byte[] head);

    /** What the file should start with, for the message when {@link #recognizes} says no. */
    String expectedStart();

    /**
     * Streams the file. Bad input is an {@link ImportException} naming the file (and offset or
     * line); the sink may already have received rows by then, so a caller that must write
     * nothing for a bad file buffers to a temporary place and commits on success.
     */
    void read(Path file, RecordSink sink) throws ImportException;
}
