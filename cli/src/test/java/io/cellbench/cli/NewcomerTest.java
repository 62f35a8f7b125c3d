package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The rough edges a newcomer meets (issue 11 item 18): following getting-started.md, stopping a
 * run, reading what the summary and status say, getting JSON out of validate, and the secrets a
 * notify file and --influx name.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class NewcomerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The first YAML block of getting-started.md's "Write your own protocol", as a reader copies it. */
    private static String gettingStartedProtocol() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "getting-started.md"));
        int section = doc.indexOf("## 3. Write your own protocol");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void theDemoScheduleCopiedAsGettingStartedSaysRunsTheProtocolItShows() throws IOException {
        Path demo = tmp.resolve("demo-run");
        Console d = Console.run("demo", "--out", demo.toString());
        assertEquals(0, d.exitCode(), d.err());
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("my-formation.yaml"), gettingStartedProtocol());
        Files.writeString(mine.resolve("my-schedule.yaml"), Files.readString(demo.resolve("inputs/schedule.yaml"))
                .replace("protocol: ssb-demo.yaml", "protocol: my-formation.yaml"));
        Console v = Console.run("validate", mine.resolve("my-schedule.yaml").toString());
        assertEquals(0, v.exitCode(), v.err());

        // a protocol without the parameter: the message says what to do on both sides
        Files.writeString(mine.resolve("fixed.yaml"), "limits:\n  voltage: [1.9 V, 3.8 V]\nsteps:\n  - Rest for 1 h\n");
        Files.writeString(mine.resolve("other.yaml"), Files.readString(mine.resolve("my-schedule.yaml"))
                .replace("protocol: my-formation.yaml", "protocol: fixed.yaml"));
        Console undeclared = Console.run("validate", mine.resolve("other.yaml").toString());
        assertEquals(2, undeclared.exitCode());
        assertTrue(undeclared.err().contains("or declare 'pressure' in fixed.yaml (parameters: {pressure: <default>})"),
                undeclared.err());
    }

    @Test
    void validateJsonOnSeveralFilesPrintsOneArray() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.yaml"), "name: a\nsteps:\n  - Rest for 1 h\n");
        Path b = Files.writeString(tmp.resolve("b.yaml"), "name: b\nsteps:\n  - Rest for 2 h\n");
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "steps:\n  - Rest for 2 parsecs\n");
        Console two = Console.run("validate", "--json", a.toString(), b.toString());
        assertEquals(0, two.exitCode(), two.err());
        JsonNode array = JSON.readTree(two.out()); // one document: two concatenated ones would not parse as one
        assertTrue(array.isArray(), two.out());
        assertEquals(List.of("a", "b"), List.of(array.get(0).get("protocol").asText(), array.get(1).get("protocol").asText()));
        Console mixed = Console.run("validate", "--json", a.toString(), bad.toString());
        assertEquals(2, mixed.exitCode());
        JsonNode m = JSON.readTree(mixed.out());
        assertEquals(2, m.size());
        assertEquals(2, m.get(1).get("problems").get(0).get("line").asInt(), mixed.out());
        assertTrue(m.get(1).get("problems").get(0).get("problem").asText().contains("unknown unit"), mixed.out());
        Console one = Console.run("validate", "--json", a.toString());
        assertEquals("a", JSON.readTree(one.out()).get("protocol").asText(), "one file: its document alone");
    }

    @Test
    void aRelativeTokenFileIsRefusedByValidateAsByRun() throws IOException {
        Path notify = Files.writeString(tmp.resolve("notify.yaml"),
                "webhook:\n  url_env: LAB_HOOK\n  token_file: secrets/token\n");
        Console v = Console.run("validate", notify.toString());
        assertEquals(2, v.exitCode(), v.out());
        assertTrue(v.err().contains(notify + ":3:15: error: a secret file is named by its absolute path"), v.err());
    }

    @Test
    void anInfluxUrlWithCredentialsIsRefusedForWhatItIsNotForAnEnvironmentVariable() throws IOException {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", tmp.resolve("r").toString(),
                "--influx", "http://lab:s3cret@127.0.0.1:8086", "--db", "lab");
        assertEquals(2, c.exitCode(), c.out());
        assertTrue(c.err().contains("--influx: the URL must not carry user:password"), c.err());
        assertFalse(c.err().contains("CELLBENCH_INFLUX_URL:"), c.err());
        assertFalse(c.err().contains("s3cret"), "the password is never echoed: " + c.err());
    }

    /** A short simulated run in a process of its own, its directory and its output. */
    private record Started(Process run, Path dir, Path log) {
        String output() throws IOException {
            return Files.readString(log);
        }
    }

    /** Starts the short run and waits until its three cells answer on the control channel. */
    private Started startShortRun() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Path log = tmp.resolve("run.log");
        Process run = ChildProcess.cellbench(log, "run", schedule.toString(), "--simulate", "--speed", "100",
                "--out", dir.toString());
        ChildProcess.waitFor(run, () -> cells(dir).size() == 3, "the control channel answers", 60);
        return new Started(run, dir, log);
    }

    @Test
    void aStoppedRunSaysHowToResumeAndItsStoppedCellsShowNoCurrent() throws Exception {
        Started s = startShortRun();
        Path dir = s.dir();
        try {
            ChildProcess.waitFor(s.run(), () -> cells(dir).stream().allMatch(c -> c.path("current_ampere").asDouble() != 0),
                    "every cell sources a current", 60);
            assertEquals(0, Console.run("stop", dir.toString(), "--cell", "coin-1").exitCode());
            ChildProcess.waitFor(s.run(), () -> "ENDED".equals(cell(dir, "coin-1").path("state").asText()),
                    "coin-1 stopped", 60);
            JsonNode stopped = cell(dir, "coin-1");
            assertEquals(0.0, stopped.path("current_ampere").asDouble(), "a stopped cell is at open circuit: " + stopped);
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            assertTrue(s.run().waitFor(120, TimeUnit.SECONDS), "the run ends once every cell has stopped");
        } finally {
            s.run().destroyForcibly();
        }
        assertTrue(s.output().contains("Stopped cells continue where they stopped with: cellbench resume " + dir),
                s.output());
        assertFalse(s.output().contains("-> 0.000 mAh"), s.output());
        // from the files, after the process: no current either
        for (JsonNode c : cells(dir)) {
            assertEquals(0.0, c.path("current_ampere").asDouble(), c.toString());
        }
    }

    @Test
    void anInterruptedRunSaysHowToResume() throws Exception {
        Started s = startShortRun();
        s.run().destroy(); // SIGTERM: the JVM runs its shutdown hooks as on Ctrl-C (SIGINT)
        boolean ended = s.run().waitFor(120, TimeUnit.SECONDS);
        s.run().destroyForcibly();
        assertTrue(ended, "the run ends");
        assertTrue(s.output().contains("cellbench: stopped; every cell is at open circuit and its data are on disk."
                + " Continue the run with: cellbench resume " + s.dir()), s.output());
    }

    private static List<JsonNode> cells(Path dir) {
        Console c = Console.run("status", dir.toString(), "--json");
        List<JsonNode> out = new ArrayList<>();
        try {
            JSON.readTree(c.out()).path("cells").forEach(out::add);
        } catch (IOException e) {
            // not answering yet
        }
        return out;
    }

    private static JsonNode cell(Path dir, String id) {
        return cells(dir).stream().filter(c -> c.path("cell_id").asText().equals(id)).findFirst()
                .orElse(JSON.createObjectNode());
    }
}
