package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code cellbench run --simulate} child process, controlled as a technician would:
 * status, pause one cell, see it PAUSED, continue it, stop one cell, stop the rest; the
 * process ends, its control socket goes, the files tell the story, and the notify file's
 * command received the alarms. Then a killed process's stale socket and a second process
 * on the same directory.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aTechnicianWatchesPausesContinuesAndStopsARunningRun() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path alarms = tmp.resolve("alarms.jsonl");
        Path notify = notifyFile(alarms);
        Path dir = tmp.resolve("run");
        Process run = cellbench("run", schedule.toString(), "--simulate", "--speed", "100", "--out", dir.toString(),
                "--notify", notify.toString());
        try {
            // exit 0 comes already while the process is starting ("try again in a moment"): wait for its cells
            waitFor(run, () -> answers(dir), "the control channel answers");
            Path socket = dir.resolve("control.sock");
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(socket, LinkOption.NOFOLLOW_LINKS)), "only the owner may connect");
            assertEquals(System.getProperty("user.name"), Files.getOwner(socket).getName());
            assertTrue(Files.isRegularFile(dir.resolve("inputs/notify.yaml")), "the notify file is kept for resume");

            JsonNode status = statusJson(dir);
            assertTrue(status.path("running").asBoolean(), status.toString());
            assertEquals(ShortRun.CELLS, ids(status));
            Console table = Console.run("status", dir.toString());
            assertTrue(table.out().contains("running (process " + run.pid()), table.out());
            for (String c : ShortRun.CELLS) {
                assertTrue(table.out().lines().anyMatch(l -> l.startsWith(c + " ")), table.out());
            }

            Console pause = Console.run("pause", dir.toString(), "--cell", "coin-2", "--reason", "crimp check");
            assertEquals(0, pause.exitCode(), pause.err());
            waitFor(run, () -> state(dir, "coin-2").equals("PAUSED"), "coin-2 PAUSED");
            JsonNode paused = cell(statusJson(dir), "coin-2");
            assertEquals("operator: crimp check", paused.path("holds").path(0).asText(), paused.toString());
            assertFalse(state(dir, "coin-1").equals("PAUSED"), "only coin-2 was paused");
            assertTrue(Console.run("status", dir.toString()).out().contains("PAUSED (operator: crimp check)"));
            waitFor(run, () -> read(alarms).contains("\"kind\":\"paused\",\"cell_id\":\"coin-2\""),
                    "the notify command hears of the pause");

            Console unknown = Console.run("pause", dir.toString(), "--cell", "coin-9");
            assertEquals(2, unknown.exitCode());
            assertTrue(unknown.err().contains("no cell 'coin-9' in this run; its cells are coin-1, coin-2, coin-3"),
                    unknown.err());

            badRequestsGetAnErrorAndTheRunGoesOn(socket);

            assertEquals(0, Console.run("continue", dir.toString(), "--cell", "coin-2").exitCode());
            waitFor(run, () -> !state(dir, "coin-2").equals("PAUSED"), "coin-2 continues");

            assertEquals(0, Console.run("stop", dir.toString(), "--cell", "coin-1").exitCode());
            waitFor(run, () -> state(dir, "coin-1").equals("ENDED"), "coin-1 stopped");
            JsonNode afterStop = statusJson(dir);
            assertEquals("STOPPED", cell(afterStop, "coin-1").path("outcome").asText());
            assertFalse(state(dir, "coin-3").equals("ENDED"), "the other cells go on");

            Console stopAll = Console.run("stop", dir.toString());
            assertEquals(0, stopAll.exitCode(), stopAll.err());
            assertTrue(stopAll.out().contains("stop requested for coin-2, coin-3; skipped coin-1 (ended: STOPPED)"),
                    stopAll.out());
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the process ends once every cell has stopped");
            assertEquals(RunSummary.NOT_ALL_COMPLETED, run.exitValue(), "stopped cells are not completed ones");
            assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the socket is removed when the run ends");
        } finally {
            run.destroyForcibly();
        }
        String events = read(dir.resolve("events.jsonl"));
        assertTrue(events.contains("operator (cellbench pause): pause requested"), events);
        assertTrue(events.contains("paused (operator: crimp check)"), events);
        assertTrue(events.contains("resumed after a pause of"), events);
        for (String c : ShortRun.CELLS) {
            assertTrue(events.lines().anyMatch(l -> l.contains("\"RunEnded\"") && l.contains("\"cell_id\":\"" + c + "\"")
                    && l.contains("\"outcome\":\"STOPPED\"")), c + " ended STOPPED: " + events);
        }
        waitFor(null, () -> read(alarms).split("\"kind\":\"stopped\"").length - 1 == 3, "three stopped alarms");

        Console after = Console.run("status", dir.toString());
        assertEquals(1, after.exitCode());
        assertTrue(after.out().contains("not running (last seen "), after.out());
        assertFalse(after.out().contains("run-options"), "the journal's other files are no cells: " + after.out());
        assertTrue(after.out().lines().anyMatch(l -> l.startsWith("coin-1 ") && l.contains("ENDED STOPPED")
                && l.matches(".* [0-9]\\.[0-9]{4} .*")), "from the files, with the last sample's voltage: " + after.out());
        Console stopAgain = Console.run("stop", dir.toString());
        assertEquals(2, stopAgain.exitCode());
        assertTrue(stopAgain.err().contains("no cellbench process runs"), stopAgain.err());
    }

    @Test
    void aKilledProcessesSocketIsReplacedOnResumeAndASecondProcessIsRefused() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Process run = cellbench("run", schedule.toString(), "--simulate", "--speed", "100", "--out", dir.toString());
        Process resumed = null;
        try {
            // exit 0 comes already while the process is starting ("try again in a moment"): wait for its cells
            waitFor(run, () -> answers(dir), "the control channel answers");
            // Killed within its first moments, a cell may have data but no journal yet, and
            // resume refuses it (a limit of resume, not of the control channel): kill later.
            waitFor(run, () -> ShortRun.CELLS.stream().allMatch(c -> Files.exists(dir.resolve("journal/" + c + ".json"))),
                    "every cell journaled");
            run.destroyForcibly(); // kill -9: no chance to remove the socket
            assertTrue(run.waitFor(10, TimeUnit.SECONDS));
            Path socket = dir.resolve("control.sock");
            assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "a killed process leaves its socket");
            Console dead = Console.run("status", dir.toString());
            assertEquals(1, dead.exitCode());
            assertTrue(dead.out().contains("not running"), dead.out());

            resumed = cellbench("resume", dir.toString());
            Process r = resumed;
            waitFor(r, () -> statusPid(dir) == r.pid(), "the resumed process answers on a new socket");

            Console second = Console.run("resume", dir.toString());
            assertEquals(2, second.exitCode());
            assertTrue(second.err().contains("is in use by cellbench process " + r.pid()), second.err());
            assertEquals(r.pid(), statusPid(dir), "the refused second process left the socket alone");

            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            assertTrue(r.waitFor(60, TimeUnit.SECONDS));
            assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        } finally {
            run.destroyForcibly();
            if (resumed != null) {
                resumed.destroyForcibly();
            }
        }
    }

    @Test
    void aCellPausedBeforeAKillResumesPaused() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Process run = cellbench("run", schedule.toString(), "--simulate", "--speed", "100", "--out", dir.toString());
        Process resumed = null;
        try {
            waitFor(run, () -> ShortRun.CELLS.stream().allMatch(c -> Files.exists(dir.resolve("journal/" + c + ".json"))),
                    "every cell journaled");
            assertEquals(0, Console.run("pause", dir.toString(), "--cell", "coin-2", "--reason", "crimp check")
                    .exitCode());
            // Journaled before 'pause' answered: a kill right now keeps it.
            assertTrue(read(dir.resolve("journal/scheduler/coin-2.json")).contains("crimp check"));
            run.destroyForcibly();
            assertTrue(run.waitFor(10, TimeUnit.SECONDS));

            resumed = cellbench("resume", dir.toString());
            Process r = resumed;
            waitFor(r, () -> statusPid(dir) == r.pid() && state(dir, "coin-2").equals("PAUSED"),
                    "coin-2 paused in the resumed process");
            JsonNode paused = cell(statusJson(dir), "coin-2");
            assertEquals("operator: crimp check", paused.path("holds").path(0).asText(), paused.toString());
            assertFalse(state(dir, "coin-1").equals("PAUSED"), "only coin-2 was paused");
            assertTrue(read(dir.resolve("events.jsonl")).contains(
                    "held since before the interruption (operator: crimp check): the cell resumes paused"));
            assertEquals(0, Console.run("continue", dir.toString(), "--cell", "coin-2").exitCode());
            waitFor(r, () -> !state(dir, "coin-2").equals("PAUSED"), "coin-2 goes on");
            assertFalse(read(dir.resolve("journal/scheduler/coin-2.json")).contains("crimp check"),
                    "the continue is journaled too");
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            assertTrue(r.waitFor(60, TimeUnit.SECONDS));
        } finally {
            run.destroyForcibly();
            if (resumed != null) {
                resumed.destroyForcibly();
            }
        }
    }

    /** Garbage, a non-object, an unknown command and an over-long line: each an error answer, never a crash. */
    private static void badRequestsGetAnErrorAndTheRunGoesOn(Path socket) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            assertTrue(ask(c, "this is not json").contains("\"ok\":false"));
            assertTrue(ask(c, "[1,2]").contains("a request is a JSON object"));
            assertTrue(ask(c, "{\"command\":\"explode\"}").contains("unknown command 'explode'"));
            assertTrue(ask(c, "{\"command\":\"status\"}").contains("\"ok\":true"), "the same connection still works");
            assertTrue(ask(c, "x".repeat(70_000)).contains("request longer than"));
        }
    }

    private static String ask(SocketChannel c, String line) throws IOException {
        ByteBuffer out = StandardCharsets.UTF_8.encode(line + "\n");
        while (out.hasRemaining()) {
            c.write(out);
        }
        StringBuilder answer = new StringBuilder();
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (answer.indexOf("\n") < 0) {
            in.clear();
            if (c.read(in) < 0) {
                break;
            }
            answer.append(StandardCharsets.UTF_8.decode(in.flip()));
        }
        return answer.toString();
    }

    private Path notifyFile(Path alarms) throws IOException {
        Path script = tmp.resolve("alarm.sh");
        Files.writeString(script, "#!/bin/sh\n{ cat; } >> '" + alarms + "'\n");
        Path notify = tmp.resolve("notify.yaml");
        Files.writeString(notify, """
                command:
                  run: [/bin/sh, %s]
                  timeout: 10 s
                """.formatted(script));
        return notify;
    }

    /** The running process answers status with every cell (not the files' view, not "starting"). */
    private static boolean answers(Path dir) {
        try {
            JsonNode s = statusJson(dir);
            return s.path("running").asBoolean() && s.path("cells").size() == ShortRun.CELLS.size();
        } catch (AssertionError noJsonYet) {
            return false;
        }
    }

    private static JsonNode statusJson(Path dir) {
        Console c = Console.run("status", dir.toString(), "--json");
        try {
            return JSON.readTree(c.out());
        } catch (IOException e) {
            throw new AssertionError("status --json printed no JSON: " + c.out() + c.err(), e);
        }
    }

    private static long statusPid(Path dir) {
        JsonNode s = statusJson(dir);
        return s.path("running").asBoolean() ? s.path("pid").asLong() : -1;
    }

    private static List<String> ids(JsonNode status) {
        List<String> ids = new ArrayList<>();
        status.path("cells").forEach(c -> ids.add(c.path("cell_id").asText()));
        return ids;
    }

    private static JsonNode cell(JsonNode status, String id) {
        for (JsonNode c : status.path("cells")) {
            if (c.path("cell_id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " in " + status);
    }

    private static String state(Path dir, String id) {
        return cell(statusJson(dir), id).path("state").asText();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits (at most 60 s) for the condition; the process, if given, must stay alive meanwhile. */
    private static void waitFor(Process p, Supplier<Boolean> condition, String what) throws InterruptedException {
        ChildProcess.waitFor(p, condition, what, 60);
    }

    private Process cellbench(String... args) throws IOException {
        return ChildProcess.cellbench(tmp.resolve("cellbench-" + System.nanoTime() + ".log"), args);
    }
}
