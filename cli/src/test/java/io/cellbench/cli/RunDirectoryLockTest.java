package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process per run directory, by an operating-system lock: two {@code resume} processes
 * started at the same moment on a directory a SIGKILL left behind (a stale control socket,
 * no process) must never both run it. Before the lock, each saw a dead socket, removed it and
 * bound its own, and both ran the cells (2 pairs in 38 in a reliability probe).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class RunDirectoryLockTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twoResumesStartedTogetherOnAKilledRunNeverBothRunIt() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Child run = Child.start(tmp, "run", schedule.toString(), "--simulate", "--speed", "10", "--out", dir.toString());
        Child.waitFor(run, () -> ShortRun.CELLS.stream().allMatch(c -> Files.exists(dir.resolve("journal/" + c + ".json"))),
                "every cell journaled", 120);
        run.kill();

        // As many pairs as fit in about 90 s on a loaded machine, at least 5, at most 20.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int pairs = 0;
        while (pairs < 20 && (pairs < 5 || System.nanoTime() < until)) {
            int pair = pairs + 1;
            Child a = Child.start(tmp, "resume", dir.toString());
            Child b = Child.start(tmp, "resume", dir.toString());
            try {
                Child.waitFor(null, () -> !a.alive() || !b.alive(), "one of two racing resumes is refused (pair "
                        + pair + ")\nA:\n" + a.output() + "\nB:\n" + b.output(), 180);
                Child loser = a.alive() ? b : a;
                Child winner = loser == a ? b : a;
                assertEquals(UserErrors.BAD_INPUT, loser.exit(30), loser.output());
                assertTrue(loser.output().contains("in use by cellbench process " + winner.pid()),
                        "the refusal names the process that holds the directory: " + loser.output());
                assertTrue(loser.output().contains("cellbench stop " + dir), "and says what to do: " + loser.output());
                assertFalse(loser.output().contains("continues in step"), "a refused resume plans nothing aloud: "
                        + loser.output());
                Child.waitFor(winner, () -> statusPid(dir) == winner.pid(), "the other one runs the directory", 180);
                winner.kill(); // and leaves a stale socket for the next pair, as a crash does
            } finally {
                a.process().destroyForcibly();
                b.process().destroyForcibly();
            }
            pairs++;
        }
        System.out.println("RunDirectoryLockTest: " + pairs + " racing pairs, each: one ran, one was refused");
    }

    private static long statusPid(Path dir) {
        Console c = Console.run("status", dir.toString(), "--json");
        try {
            JsonNode s = JSON.readTree(c.out());
            return s.path("running").asBoolean() ? s.path("pid").asLong() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
