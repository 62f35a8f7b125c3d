package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class TerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void closingTheTerminalDoesNotStopTheRun() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        // With SIGHUP ignored (a test run started under nohup) the child would inherit that,
        // and a JVM takes no handler for an ignored signal: the hang-up would go unrecorded.
        Child run = Child.start(tmp, List.of("env", "--default-signal=HUP"), "run", schedule.toString(), "--simulate",
                "--speed", "20", "--out", dir.toString());
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

    /**
     * The docs promise that right after {@code --detach} returns, {@code cellbench status DIR}
     * shows the run. It used to return as soon as the child wrote its run directory, before the
     * child opened its control socket, so a status right then said "not running" (or "the run
     * is starting"). The schedule is given through a named pipe, so the test holds the child
     * in that window: it reads the schedule once to check it, and again, after it has written
     * its run directory, to copy it in; the second read waits until the test writes.
     */
    @Test
    void detachReturnsOnlyOnceTheRunAnswersStatus() throws Exception {
        Path in = tmp.resolve("in");
        String text = Files.readString(ShortRun.write(in));
        Path pipe = in.resolve("held.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Path dir = tmp.resolve("run");
        Child start = Child.start(tmp, "run", pipe.toString(), "--simulate", "--speed", "20", "--out", dir.toString(),
                "--detach");
        Thread check = Thread.ofPlatform().daemon().start(() -> {
            try {
                Files.writeString(pipe, text); // opening blocks until the child opens the pipe to read
            } catch (IOException e) {
                // the child went away; the waits below say so
            }
        });
        long pid = -1;
        try {
            // Once the child has checked the schedule and written its run directory (its log is
            // the sign), its next read of the pipe is the held one.
            Child.waitFor(null, () -> !check.isAlive() && Files.exists(dir.resolve("cellbench.log")),
                    "the child checks the schedule and writes its run directory", 120);
            try (var held = Files.newOutputStream(pipe)) { // the child now waits in the window
                // Not a pass condition: with the child held, a --detach that returns before
                // the child answers returns now; one that waits does not return at all.
                if (start.process().waitFor(10, TimeUnit.SECONDS)) {
                    pid = detachedPid(start);
                    assertEquals(pid, statusPid(dir), "--detach returned before 'cellbench status' shows the run: "
                            + start.output());
                }
                held.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            // The copy's read, once the held read has closed its end (a write before that
            // would go to it, and be lost).
            Child.waitFor(null, () -> start.process().descendants().noneMatch(c -> reading(c, pipe)),
                    "the child has read the held schedule", 120);
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Files.writeString(pipe, text);
                } catch (IOException e) {
                    // the child went away; the wait below says so
                }
            });
            // A hang guard: the child starts its cells first (long on a loaded machine).
            assertEquals(0, start.exit(240), start.output());
            pid = detachedPid(start);
            assertEquals(pid, statusPid(dir), "right after --detach returned, status shows the running process");
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            long p = pid;
            Child.waitFor(null, () -> ProcessHandle.of(p).isEmpty(), "the run stops", 60);
        } finally {
            // Opened for reading and writing, a named pipe opens at once: it lets a writer
            // still waiting for a reader go.
            try (var unblock = java.nio.channels.FileChannel.open(pipe, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                // nothing to read
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            start.process().descendants().forEach(ProcessHandle::destroyForcibly); // the child, if not yet let go
            start.process().destroyForcibly();
        }
    }

    /** True while {@code process} has {@code file} open. */
    private static boolean reading(ProcessHandle process, Path file) {
        try (var fds = Files.list(Path.of("/proc/" + process.pid() + "/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file.toAbsolutePath());
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // the process is gone
        }
    }

    private static long detachedPid(Child start) {
        Matcher m = Pattern.compile("in the background as process (\\d+)").matcher(start.output());
        assertTrue(m.find(), start.output());
        return Long.parseLong(m.group(1));
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
