package io.cellbench.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.daq.run.RunLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows a run's events.jsonl: reads only the lines added since the last call (a line not
 * yet ended by a newline waits for the next call) and keeps each cell's latest state.
 */
final class EventLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the events say about one cell. */
    record CellEvents(boolean started, String step, int stepCount, int cycle, String outcome, String lastEvent) {
        static final CellEvents NONE = new CellEvents(false, "", 0, 0, null, "");
    }

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, CellEvents> cells = new LinkedHashMap<>();
    private long position;

    EventLog(Path runDirectory) {
        this.file = runDirectory.resolve(RunLayout.EVENTS);
    }

    /** Each cell's state after every complete line now in the file, in order of first appearance. */
    Map<String, CellEvents> cells() throws IOException {
        lock.lock();
        try {
            if (Files.exists(file)) {
                readNewLines();
            }
            return new LinkedHashMap<>(cells);
        } finally {
            lock.unlock();
        }
    }

    private void readNewLines() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < position) {
                position = 0; // replaced (a new run in the same place): start over
                cells.clear();
            }
            if (length == position) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - position, 16 << 20)];
            raf.seek(position);
            raf.readFully(bytes);
            int lineStart = 0;
            for (int k = 0; k < bytes.length; k++) {
                if (bytes[k] == '\n') {
                    apply(new String(bytes, lineStart, k - lineStart, StandardCharsets.UTF_8));
                    lineStart = k + 1;
                }
            }
            position += lineStart;
        }
    }

    private void apply(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode e;
        try {
            e = JSON.readTree(line);
        } catch (IOException bad) {
            return; // not ours to judge here; `cellbench data` reports malformed lines
        }
        String id = e.path("cell_id").asText("");
        if (id.isEmpty()) {
            return;
        }
        CellEvents c = cells.getOrDefault(id, CellEvents.NONE);
        String type = e.path("type").asText("");
        cells.put(id, switch (type) {
            case "RunStarted" -> new CellEvents(true, c.step(), c.stepCount(), c.cycle(), null,
                    (e.path("resumed").asBoolean(false) ? "resumed " : "started ") + e.path("protocol_name").asText(""));
            case "StepStarted" -> new CellEvents(true, e.path("description").asText(""), e.path("step_count").asInt(),
                    e.path("cycle_count").asInt(c.cycle()), c.outcome(),
                    "step " + e.path("step_count").asInt() + " started");
            case "StepEnded" -> new CellEvents(c.started(), c.step(), c.stepCount(), c.cycle(), c.outcome(),
                    "step " + e.path("step_count").asInt() + " ended: " + e.path("reason").asText(""));
            case "Notice" -> new CellEvents(c.started(), c.step(), c.stepCount(), c.cycle(), c.outcome(),
                    e.path("severity").asText("").toLowerCase(Locale.ROOT) + ": " + e.path("message").asText(""));
            case "RunEnded" -> new CellEvents(c.started(), c.step(), c.stepCount(), c.cycle(),
                    e.path("outcome").asText(""), "ended " + e.path("outcome").asText("").toLowerCase(Locale.ROOT)
                            + messageSuffix(e.path("message").asText("")));
            default -> c;
        });
    }

    private static String messageSuffix(String message) {
        return message.isBlank() ? "" : ": " + message;
    }
}
