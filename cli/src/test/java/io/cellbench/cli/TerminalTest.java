package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run and its terminal. Closing the terminal (SIGHUP) used to stop every cell (exit 129),
 * so an overnight run started over SSH died with the connection; now the run goes on, says so
 * in events.jsonl and writes what it prints to DIR/cellbench.log. And {@code --detach} runs it
 * in a detached child process (a session of its own, standard input from /dev/null, output to
 * DIR/cellbench.log) and prints how to watch and stop it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void closingTheTerminalDoesNotStopTheRun() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Child run = Child.start(tmp, "run", schedule.toString(), "--simulate", "--speed", "20", "--out", dir.toString());
        try {
            Child.waitFor(run, () -> statusPid(dir) == run.pid(), "the run answers", 120);
            signal("HUP", run.pid()); // what closing its terminal, or an SSH connection dropping, sends
            Child.waitFor(run, () -> read(dir.resolve("events.jsonl")).contains("the terminal closed (SIGHUP); the run goes on"),
                    "the run records the hang-up and goes on", 60);
            assertTrue(read(dir.resolve("cellbench.log")).contains("the terminal closed (SIGHUP)"),
                    "what it prints now goes to the run's log");
            assertEquals(run.pid(), statusPid(dir), "still running");
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            assertEquals(RunSummary.NOT_ALL_COMPLETED, run.exit(60), "stopped by 'cellbench stop', not by the hang-up");
            assertTrue(read(dir.resolve("cellbench.log")).contains("Per-cycle summary"), "the summary is in the log");
        } finally {
            run.process().destroyForcibly();
        }
    }

    @Test
    void detachRunsTheCellsInADetachedProcessAndSaysHowToWatchAndStopIt() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Child start = Child.start(tmp, "run", schedule.toString(), "--simulate", "--speed", "20", "--out", dir.toString(),
                "--detach");
        assertEquals(0, start.exit(120), start.output());
        Matcher m = Pattern.compile("in the background as process (\\d+)").matcher(start.output());
        assertTrue(m.find(), start.output());
        long pid = Long.parseLong(m.group(1));
        Optional<ProcessHandle> detached = ProcessHandle.of(pid);
        try {
            assertTrue(detached.isPresent() && detached.get().isAlive(), "the run outlives the command that started it");
            assertTrue(start.output().contains("cellbench status " + dir), start.output());
            assertTrue(start.output().contains("cellbench stop " + dir), start.output());
            assertTrue(start.output().contains(dir.resolve("cellbench.log").toString()), start.output());

            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
            String session = stat[3]; // after "(comm) ": state, ppid, pgrp, session
            assertEquals(Long.toString(pid), session, "a session of its own: no controlling terminal");
            String[] mine = Files.readString(Path.of("/proc/self/stat")).replaceFirst("^.*\\) ", "").split(" ");
            assertNotEquals(mine[3], session);
            assertEquals("/dev/null", Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/0")).toString());
            assertEquals(pid, statusPid(dir));
            Child.waitFor(null, () -> read(dir.resolve("cellbench.log")).contains("cellbench: control with"),
                    "its output goes to DIR/cellbench.log", 60);

            Child second = Child.start(tmp, "resume", dir.toString(), "--detach");
            assertEquals(UserErrors.BAD_INPUT, second.exit(120), second.output());
            assertTrue(second.output().contains("in use by cellbench process " + pid), "a refusal reaches the terminal: "
                    + second.output());

            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            assertTrue(detached.get().onExit().get(60, TimeUnit.SECONDS) != null);
            assertTrue(read(dir.resolve("cellbench.log")).contains("Per-cycle summary"));
        } finally {
            detached.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private static long statusPid(Path dir) {
        Console c = Console.run("status", dir.toString(), "--json");
        try {
            var s = JSON.readTree(c.out());
            return s.path("running").asBoolean() ? s.path("pid").asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
