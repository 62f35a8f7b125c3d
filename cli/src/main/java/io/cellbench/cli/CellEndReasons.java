package io.cellbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.daq.run.RunLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Why each cell's run ended, from events.jsonl: the message of its last RunEnded. A cell
 * that faulted before it had a directory (its instruments would not open) has nothing else.
 */
final class CellEndReasons {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CellEndReasons() {
    }

    /** Cell id → the message its run ended with; empty when the run has no event log. */
    static Map<String, String> read(Path runDirectory) throws IOException {
        Map<String, String> reasons = new HashMap<>();
        Path file = runDirectory.resolve(RunLayout.EVENTS);
        if (!Files.exists(file)) {
            return reasons;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.contains("\"RunEnded\"")) {
                    continue;
                }
                JsonNode e;
                try {
                    e = JSON.readTree(line);
                } catch (IOException torn) {
                    continue; // a line cut by a crash; `cellbench data` reports it
                }
                if ("RunEnded".equals(e.path("type").asText())) {
                    reasons.put(e.path("cell_id").asText(), e.path("message").asText(""));
                }
            }
        }
        return reasons;
    }
}
