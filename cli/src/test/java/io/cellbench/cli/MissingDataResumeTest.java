package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run whose samples file lost its end (truncated) while its journal went further:
 * resume refuses with a clear choice and writes nothing; with --accept-missing-data it goes
 * on and records the hole, which {@code data cycles} then reports. Before, resume went on as
 * if nothing was missing and left a silent hole. And a torn last line of events.jsonl is
 * repaired, and said, on resume.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MissingDataResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void resumeRefusesToLeaveAHoleUnlessTheOperatorAcceptsItAndThenSaysSo() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Child run = Child.start(tmp, "run", schedule.toString(), "--simulate", "--speed", "50", "--out", dir.toString());
        // Far enough that the samples file holds many batches: the rest after the pressure set-up is under way.
        Child.waitFor(run, () -> journaledTestTime(dir, "coin-1") > 900, "coin-1 journaled past 900 s", 180);
        run.kill();

        Path samples = dir.resolve("cells/coin-1/samples.arrows");
        try (FileChannel f = FileChannel.open(samples, StandardOpenOption.WRITE)) {
            f.truncate(f.size() / 3); // what a bad copy or a file system repair leaves
        }
        // and the process died while it appended an event
        Files.writeString(dir.resolve("events.jsonl"), "{\"type\":\"StepStarted\",\"cell_id\":\"coin-2\",\"test_ti",
                StandardOpenOption.APPEND);

        DirectorySnapshot before = DirectorySnapshot.of(dir);
        Console refused = Console.run("resume", dir.toString());
        assertEquals(UserErrors.BAD_INPUT, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("cell coin-1: its samples on disk end at test time"), refused.err());
        assertTrue(refused.err().contains("of recorded data are missing"), refused.err());
        assertTrue(refused.err().contains("--accept-missing-data"), "offers the choice: " + refused.err());
        assertFalse(refused.err().contains("coin-2:"), "the others are whole: " + refused.err());
        assertFalse(refused.out().contains("continues in step"), refused.out());
        assertEquals(List.of(), DirectorySnapshot.of(dir).changesSince(before), "a refused resume writes nothing");

        Child resumed = Child.start(tmp, "resume", dir.toString(), "--accept-missing-data");
        try {
            Child.waitFor(resumed, () -> resumed.runs(dir), "the resume runs", 120);
            assertTrue(resumed.output().contains("repaired events.jsonl: its last line was cut off"), resumed.output());
            assertTrue(resumed.output().contains("coin-1: data missing: test time"), resumed.output());
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            resumed.exit(60);
        } finally {
            resumed.process().destroyForcibly();
        }

        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        for (String line : lines) {
            JSON.readTree(line); // every line whole: the torn one was cut off, not glued to
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"cell_id\":\"coin-1\"") && l.contains("data missing: test time")
                && l.contains("--accept-missing-data")), "the hole is recorded");

        Console cycles = Console.run("data", "cycles", dir.toString(), "--cell", "coin-1");
        assertEquals(0, cycles.exitCode(), cycles.err());
        assertTrue(cycles.err().contains("warning: coin-1: data missing: test time"), cycles.err());
        assertTrue(cycles.err().matches("(?s).*cycles? [0-9]+( to [0-9]+)? (is|are) incomplete.*"), cycles.err());
    }

    private static double journaledTestTime(Path dir, String cell) {
        try {
            Path f = dir.resolve("journal/" + cell + ".json");
            if (!Files.exists(f)) {
                return 0;
            }
            JsonNode n = JSON.readTree(f.toFile());
            return n.path("position").path("testTimeSecond").asDouble();
        } catch (IOException e) {
            return 0;
        }
    }
}
