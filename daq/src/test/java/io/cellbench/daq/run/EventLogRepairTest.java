package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.testing.ArrowFilesTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A process killed while it appended to events.jsonl leaves a torn last line. Before, the
 * resumed run appended its next event right after it, gluing the two into one line that no
 * JSON reader parses. Now opening the log cuts the partial line off, says so (in the log and
 * to the caller) and quotes what it held.
 */
class EventLogRepairTest extends ArrowFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTornLastLineIsCutOffOnReopenAndTheNextEventStartsALineOfItsOwn() throws IOException {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RunDirectorySink.open(run, RunDirectorySinkTest.RUN,
                RunDirectorySinkTest.OPTIONS, allocator)) {
            sink.on(RunDirectorySinkTest.started("A1", false));
            sink.on(new RunEvent.Notice("A1", 12, RunEvent.Severity.INFO, "a whole line"));
            assertEquals(List.of(), sink.repairs(), "a fresh log needs nothing");
        }
        Path events = run.resolve(RunLayout.EVENTS);
        String torn = "{\"type\":\"Notice\",\"cell_id\":\"A1\",\"test_time_second\":30.0,\"sever";
        Files.writeString(events, torn, StandardOpenOption.APPEND); // what a kill -9 mid-write leaves

        try (RunDirectorySink sink = RunDirectorySink.open(run, RunDirectorySinkTest.RUN,
                RunDirectorySinkTest.OPTIONS, allocator)) {
            assertEquals(1, sink.repairs().size(), sink.repairs().toString());
            String repair = sink.repairs().getFirst();
            assertTrue(repair.startsWith("events.jsonl: its last line was cut off"), repair);
            assertTrue(repair.contains("(" + torn.getBytes(StandardCharsets.UTF_8).length + " bytes)"), repair);
            assertTrue(repair.endsWith(torn), "quotes what the torn line held: " + repair);
            sink.on(RunDirectorySinkTest.started("A1", true));
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            lines.add(JSON.readTree(line)); // every line is one whole JSON object
        }
        assertEquals(List.of("RunStarted", "Notice", "Notice", "RunStarted"),
                lines.stream().map(n -> n.path("type").asText()).toList());
        JsonNode notice = lines.get(2);
        assertEquals("WARNING", notice.path("severity").asText());
        assertTrue(notice.path("message").asText().endsWith(torn), notice.toString());
        assertTrue(notice.path("unix_time_second").isNumber(), "the repair is dated: " + notice);
        assertTrue(lines.get(3).path("resumed").asBoolean());
    }

    @Test
    void aWholeLogIsLeftByteForByteAsItWas() throws IOException {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RunDirectorySink.open(run, RunDirectorySinkTest.RUN,
                RunDirectorySinkTest.OPTIONS, allocator)) {
            sink.on(RunDirectorySinkTest.started("A1", false));
        }
        byte[] before = Files.readAllBytes(run.resolve(RunLayout.EVENTS));
        try (RunDirectorySink sink = RunDirectorySink.open(run, RunDirectorySinkTest.RUN,
                RunDirectorySinkTest.OPTIONS, allocator)) {
            assertEquals(List.of(), sink.repairs());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(run.resolve(RunLayout.EVENTS))));
    }
}
