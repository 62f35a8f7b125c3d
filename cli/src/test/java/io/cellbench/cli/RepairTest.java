package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json lost (deleted by hand, a bad copy, a file system repair) while the samples,
 * events.jsonl and the journal are intact. Before, nothing could read or resume such a run
 * ("not a cellbench run directory"). Now the readers say to run {@code cellbench repair DIR},
 * which rebuilds run.json from the data files and events.jsonl, the same as it was.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RepairTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aLostRunJsonIsRebuiltAsItWasAndTheReadersSayHow() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Console run = Console.run("run", schedule.toString(), "--simulate", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode original = JSON.readTree(dir.resolve("run.json").toFile());
        Files.delete(dir.resolve("run.json"));

        DirectorySnapshot lost = DirectorySnapshot.of(dir);
        for (List<String> reader : List.of(List.of("data", "cycles", dir.toString()), List.of("status", dir.toString()),
                List.of("resume", dir.toString()), List.of("plot", dir.toString(), "--kind", "voltage", "-o",
                        tmp.resolve("v.png").toString()))) {
            Console c = Console.run(reader.toArray(String[]::new));
            assertEquals(UserErrors.BAD_INPUT, c.exitCode(), reader + ": " + c.out() + c.err());
            assertTrue(c.err().contains("cellbench repair " + dir), reader + " says what to do: " + c.err());
        }
        Console dry = Console.run("repair", dir.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("run.json is missing; it would be rebuilt"), dry.out());
        assertEquals(List.of(), DirectorySnapshot.of(dir).changesSince(lost), "a dry run writes nothing");

        Console repair = Console.run("repair", dir.toString());
        assertEquals(0, repair.exitCode(), repair.out() + repair.err());
        assertTrue(repair.out().contains("rebuilt: run id, start time and cellbench version"), repair.out());
        assertTrue(repair.out().contains("rebuilt: cell coin-1: description and protocol from its data files; 1 start(s),"
                + " ended COMPLETED from events.jsonl"), repair.out());
        JsonNode rebuilt = JSON.readTree(dir.resolve("run.json").toFile());
        assertEquals(original, rebuilt, "the same run.json, field for field");

        Console again = Console.run("repair", dir.toString());
        assertTrue(again.out().contains("nothing to repair"), again.out());
        assertEquals(0, Console.run("data", "cycles", dir.toString()).exitCode());
    }

    @Test
    void aKilledRunWithoutRunJsonIsRepairedAndResumedToTheEnd() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Child run = Child.start(tmp, "run", schedule.toString(), "--simulate", "--speed", "200", "--out", dir.toString());
        Child.waitFor(run, () -> ShortRun.CELLS.stream().allMatch(c -> Files.exists(dir.resolve("journal/" + c + ".json"))),
                "every cell journaled", 120);
        run.kill();
        Files.writeString(dir.resolve("run.json"), "{\"format\": \"cellbench-run\", \"cells\": [ {\"id\"");

        Console repair = Console.run("repair", dir.toString());
        assertEquals(0, repair.exitCode(), repair.out() + repair.err());
        assertTrue(repair.out().contains("run.json is unreadable"), repair.out());
        assertTrue(repair.out().contains("no end (interrupted or running)"), repair.out());
        assertTrue(Files.readString(dir.resolve(RepairCommand.UNREADABLE)).startsWith("{\"format\""),
                "the broken file is kept, not deleted");

        Child resumed = Child.start(tmp, "resume", dir.toString());
        assertEquals(0, resumed.exit(240), resumed.output());
        JsonNode manifest = JSON.readTree(dir.resolve("run.json").toFile());
        for (JsonNode cell : manifest.path("cells")) {
            assertEquals("COMPLETED", cell.path("outcome").asText(), cell.toString());
            assertEquals(2, cell.path("starts").asInt(), "started, resumed: " + cell);
        }
    }
}
