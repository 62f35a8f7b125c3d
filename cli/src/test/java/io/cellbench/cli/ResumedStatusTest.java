package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed run's {@code status} still shows the cells that ended before the resume. The
 * resume leaves a cell that ended with a fault or a safety trip alone, so the process runs only
 * the others; its status answer used to list only those, and a cell's fault, with its message,
 * vanished from {@code status} at the first restart (found by HostileNightSoakTest: the stalled
 * cell's FAULT was gone after the next kill and resume).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ResumedStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aResumedRunsStatusStillShowsTheCellThatEndedBeforeItWithItsFault() throws Exception {
        Path in = ShortRun.write(tmp.resolve("in")).getParent();
        // coin-3 trips its window within minutes: a 2C charge of a pristine cell under a 3.5 V limit
        Files.writeString(in.resolve("trips.yaml"), """
                name: trips
                limits:
                  voltage: [1.5 V, 3.5 V]
                steps:
                  - Charge at 2C for 1 hour
                """);
        Path schedule = in.resolve("schedule.yaml");
        String text = Files.readString(schedule);
        int coin3 = text.indexOf("- id: coin-3");
        Files.writeString(schedule, text.substring(0, coin3) + text.substring(coin3).replace("protocol.yaml", "trips.yaml"));
        Path dir = tmp.resolve("run");
        Child run = Child.start(tmp, "run", schedule.toString(), "--simulate", "--speed", "200", "--out", dir.toString());
        Child.waitFor(run, () -> read(dir.resolve("events.jsonl")).lines().anyMatch(l -> l.contains("\"RunEnded\"")
                && l.contains("\"coin-3\"") && l.contains("SAFETY_TRIP")), "coin-3 trips", 120);
        run.kill();

        Child resumed = Child.start(tmp, "resume", dir.toString());
        try {
            Child.waitFor(resumed, () -> resumed.runs(dir), "the resume runs", 120);
            assertTrue(resumed.output().contains("coin-3: finished (SAFETY_TRIP), left alone"), resumed.output());
            JsonNode status = JSON.readTree(Console.run("status", dir.toString(), "--json").out());
            assertTrue(status.path("running").asBoolean(), status.toString());
            List<String> ids = new ArrayList<>();
            status.path("cells").forEach(c -> ids.add(c.path("cell_id").asText()));
            assertEquals(ShortRun.CELLS, ids, "every cell of the run, in the schedule's order: " + status);
            JsonNode tripped = status.path("cells").path(2);
            assertEquals("ENDED", tripped.path("state").asText(), tripped.toString());
            assertEquals("SAFETY_TRIP", tripped.path("outcome").asText(), tripped.toString());
            assertTrue(tripped.path("last_fault").asText().contains("above the safety limit 3.5 V"), tripped.toString());
            String table = Console.run("status", dir.toString()).out();
            assertTrue(table.lines().anyMatch(l -> l.startsWith("coin-3 ") && l.contains("ENDED SAFETY_TRIP")
                    && l.contains("safety limit")), table);
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            resumed.exit(60);
        } finally {
            resumed.process().destroyForcibly();
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
