package io.cellbench.schedules.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import io.cellbench.core.format.PlainJson;
import io.cellbench.daq.run.RecordingFailure;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads and writes the files of DIR/journal. A write goes to a temporary file that is
 * forced to disk and then renamed over the old one, so a crash (or a power cut) leaves
 * either the old or the new version, never a torn one.
 */
public final class JournalFiles {
    public static final String DIRECTORY = "journal";
    public static final String RUN_MODE = "run-mode.json";
    /** The subdirectory of the scheduler's entries (a directory: no cell journal is listed twice). */
    public static final String SCHEDULER = "scheduler";

    /** Numbers as every file of a run prints them ({@link PlainJson}: a unix time without an exponent). */
    static final ObjectMapper JSON = new ObjectMapper(PlainJson.factory())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JournalFiles() {
    }

    public static Path directory(Path runDirectory) {
        return runDirectory.resolve(DIRECTORY);
    }

    /** DIR/journal/&lt;cell&gt;.json (cell ids are valid file names: the run directory checks them). */
    public static Path cellFile(Path runDirectory, String cellId) {
        return directory(runDirectory).resolve(cellId + ".json");
    }

    public static void writeEntry(Path runDirectory, JournalEntry entry) throws IOException {
        write(cellFile(runDirectory, entry.cellId()), entry);
    }

    public static Optional<JournalEntry> readEntry(Path runDirectory, String cellId) throws IOException {
        return read(cellFile(runDirectory, cellId), JournalEntry.class);
    }

    /** DIR/journal/scheduler/&lt;cell&gt;.json: the channel a pool gave the cell, and its holds. */
    public static Path schedulerFile(Path runDirectory, String cellId) {
        return directory(runDirectory).resolve(SCHEDULER).resolve(cellId + ".json");
    }

    public static void writeScheduler(Path runDirectory, SchedulerEntry entry) throws IOException {
        write(schedulerFile(runDirectory, entry.cellId()), entry);
    }

    public static Optional<SchedulerEntry> readScheduler(Path runDirectory, String cellId) throws IOException {
        return read(schedulerFile(runDirectory, cellId), SchedulerEntry.class);
    }

    public static void writeRunMode(Path runDirectory, RunMode mode) throws IOException {
        write(directory(runDirectory).resolve(RUN_MODE), mode);
    }

    public static Optional<RunMode> readRunMode(Path runDirectory) throws IOException {
        return read(directory(runDirectory).resolve(RUN_MODE), RunMode.class);
    }

    /** Writes {@code value} as JSON to {@code file}, atomically (see the class comment). */
    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(value);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // the old version stays; a half-written copy would only confuse
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads {@code file} as a {@code type}; empty when there is no such file. */
    public static <T> Optional<T> read(Path file, Class<T> type) throws IOException {
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw new IOException(unreadable(file, e), e);
        }
    }

    /**
     * "file:line:column: not a readable journal file: what the parser found", without the
     * parser's own framing (its "Source: REDACTED (StreamReadFeature…)" location text).
     */
    static String unreadable(Path file, IOException e) {
        String where = file.toString();
        String what = e.getMessage();
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            what = j.getOriginalMessage();
            if (j.getLocation() != null && j.getLocation().getLineNr() > 0) {
                where += ":" + j.getLocation().getLineNr() + ":" + j.getLocation().getColumnNr();
            }
        }
        String first = what == null ? e.getClass().getSimpleName() : what.strip().lines().findFirst().orElse(what);
        return where + ": not a readable journal file: " + first
                + " (cut short or edited by hand? See 'The journal' in docs/operations.md)";
    }

    static RecordingFailure failure(String cellId, Path file, IOException e) {
        return new RecordingFailure(cellId, "its journal", file, e);
    }
}
