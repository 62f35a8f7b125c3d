package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused {@code resume} writes nothing and plans nothing aloud. Before, a resume refused
 * because another process ran the directory had already rewritten journal/run-options.json
 * with its own options (for example {"influx":null,"serve":null,"faultRetry":"0 s"}), so the
 * next real resume silently dropped InfluxDB, the live page and the retry bound, and it had
 * printed "continues in step …" for every cell before its error.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RefusedResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aResumeRefusedBecauseAnotherProcessRunsTheDirectoryWritesNothing() throws Exception {
        Path dir = killedRun("--fault-retry", "45s");
        Child running = Child.start(tmp, "resume", dir.toString());
        try {
            Child.waitFor(running, () -> running.runs(dir),
                    "the first resume runs the directory", 120);
            String options = Files.readString(dir.resolve("journal/run-options.json"));
            assertTrue(options.contains("45 s"), options);

            Console refused = Console.run("resume", dir.toString(), "--fault-retry", "0", "--no-serve", "--no-influx");
            assertEquals(UserErrors.BAD_INPUT, refused.exitCode(), refused.out() + refused.err());
            assertTrue(refused.err().contains("in use by cellbench process " + running.pid()), refused.err());
            assertFalse(refused.out().contains("continues in step"), refused.out());
            assertEquals(options, Files.readString(dir.resolve("journal/run-options.json")),
                    "the refused resume left the running one's options alone");
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            running.exit(60);
        } finally {
            running.process().destroyForcibly();
        }
        assertTrue(Files.readString(dir.resolve("journal/run-options.json")).contains("45 s"),
                "the next resume re-attaches what the run was started with");
    }

    @Test
    void everyRefusalOfResumeLeavesTheRunDirectoryByteForByteAsItWas() throws Exception {
        Path dir = killedRun();
        Path garbage = tmp.resolve("notify-garbage.yaml");
        Files.writeString(garbage, "command: [unclosed\n");
        DirectorySnapshot before = DirectorySnapshot.of(dir);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<List<String>> refusals = List.of(
                    List.of("--serve", "--port", Integer.toString(busy.getLocalPort())), // the live page cannot listen
                    List.of("--notify", tmp.resolve("no-such-notify.yaml").toString()),
                    List.of("--notify", garbage.toString()),
                    List.of("--influx-config", tmp.resolve("no-such-influx.properties").toString()),
                    List.of("--fault-retry", "forever"));
            for (List<String> options : refusals) {
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("resume", dir.toString()),
                        options.stream()).toArray(String[]::new);
                Console refused = Console.run(args);
                assertNotEquals(0, refused.exitCode(), options + ": " + refused.out() + refused.err());
                assertFalse(refused.out().contains("continues in step"), options + ": " + refused.out());
                assertEquals(List.of(), DirectorySnapshot.of(dir).changesSince(before),
                        "resume " + options + " was refused (" + refused.err().strip() + ") and must write nothing");
            }
        }
        // and a resume that is not refused still works on the untouched directory
        Child resumed = Child.start(tmp, "resume", dir.toString());
        try {
            Child.waitFor(resumed, () -> resumed.runs(dir), "the resume runs", 120);
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            resumed.exit(60);
        } finally {
            resumed.process().destroyForcibly();
        }
    }

    /** A run of {@link ShortRun} killed with SIGKILL once every cell has journaled. */
    private Path killedRun(String... options) throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("run", schedule.toString(),
                "--simulate", "--speed", "20", "--out", dir.toString()), java.util.Arrays.stream(options))
                .toArray(String[]::new);
        Child run = Child.start(tmp, args);
        Child.waitFor(run, () -> ShortRun.CELLS.stream().allMatch(c -> Files.exists(dir.resolve("journal/" + c + ".json"))),
                "every cell journaled", 120);
        run.kill();
        return dir;
    }
}
