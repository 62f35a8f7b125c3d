package io.cellbench.daq.run;

import static io.cellbench.daq.run.EventKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads events.jsonl back, the lines {@link EventLog} writes. A line that is not a whole event
 * (cut by a kill -9, or of a type this version does not know) is passed over: `cellbench repair`
 * and `cellbench data` are where a damaged log is reported, every other reader wants the rest.
 */
public final class EventLogReader {
    /** How much of the file one read takes at most; a follower gets the rest on its next call. */
    private static final int CHUNK = 16 << 20;

    private EventLogReader() {
    }

    /** Every event of the log of {@code runDirectory}, in order; nothing when it has no log. */
    public static void readAll(Path runDirectory, Consumer<LoggedEvent> out) throws IOException {
        Path file = runDirectory.resolve(RunLayout.EVENTS);
        long position = 0;
        for (long next; Files.exists(file) && (next = read(file, position, out)) > position; ) {
            position = next;
        }
    }

    /**
     * The end of {@code cellId}'s latest run in the log of {@code runDirectory}: its last RunEnded,
     * unless a RunStarted (a resume) came after it; empty when the log holds none.
     */
    public static Optional<LoggedEvent.RunEnded> lastEnd(Path runDirectory, String cellId) throws IOException {
        LoggedEvent.RunEnded[] last = new LoggedEvent.RunEnded[1];
        readAll(runDirectory, e -> {
            if (e.cellId().equals(cellId)) {
                switch (e) {
                    case LoggedEvent.RunStarted s -> last[0] = null;
                    case LoggedEvent.RunEnded end -> last[0] = end;
                    default -> {
                        // steps and notices say nothing about how the run ended
                    }
                }
            }
        });
        return Optional.ofNullable(last[0]);
    }

    /**
     * The events of the whole lines from byte {@code from} on (a last line not yet ended by a
     * newline waits for the next call); returns where the next call starts.
     */
    public static long read(Path file, long from, Consumer<LoggedEvent> out) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= from) {
                return from;
            }
            byte[] bytes = new byte[(int) Math.min(length - from, CHUNK)];
            raf.seek(from);
            raf.readFully(bytes);
            int lineStart = 0;
            for (int k = 0; k < bytes.length; k++) {
                if (bytes[k] == '\n') {
                    parse(new String(bytes, lineStart, k - lineStart, StandardCharsets.UTF_8)).ifPresent(out);
                    lineStart = k + 1;
                }
            }
            return from + lineStart;
        }
    }

    /** One line's event; empty for a blank, torn or unknown line. */
    public static Optional<LoggedEvent> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            return n == null || !n.isObject() ? Optional.empty() : Optional.ofNullable(event(n));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // torn JSON, or a severity/outcome this version does not know
        }
    }

    private static int stepId(JsonNode n) {
        for (String name : STEP_ID) {
            if (n.has(name)) {
                return n.get(name).asInt();
            }
        }
        return 0;
    }

    private static LoggedEvent event(JsonNode n) {
        String cell = Json.textOrEmpty(n, CELL_ID);
        double test = Json.number(n, TEST_TIME);
        double unix = Json.number(n, UNIX_TIME);
        return switch (Json.textOrEmpty(n, TYPE)) {
            case "RunStarted" -> new LoggedEvent.RunStarted(cell, unix, Json.textOrEmpty(n, PROTOCOL_NAME),
                    n.path(RESUMED).asBoolean(false));
            case "StepStarted" -> new LoggedEvent.StepStarted(cell, test, unix, n.path(STEP_COUNT).asInt(),
                    stepId(n), n.path(CYCLE_COUNT).asInt(), Json.textOrEmpty(n, DESCRIPTION));
            case "StepEnded" -> new LoggedEvent.StepEnded(cell, test, unix, n.path(STEP_COUNT).asInt(),
                    stepId(n), Json.textOrEmpty(n, REASON));
            case "Notice" -> new LoggedEvent.Notice(cell, test, unix, Severity.valueOf(Json.textOrEmpty(n, SEVERITY)),
                    Json.textOrEmpty(n, MESSAGE));
            case "RunEnded" -> new LoggedEvent.RunEnded(cell, test, unix, Outcome.valueOf(Json.textOrEmpty(n, OUTCOME)),
                    Json.textOrEmpty(n, MESSAGE));
            default -> null;
        };
    }
}
