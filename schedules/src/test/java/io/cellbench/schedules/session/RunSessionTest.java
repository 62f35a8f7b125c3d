package io.cellbench.schedules.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.run.RunReader;
import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.schedules.control.ControlClient;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ResumePlan;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.runner.RunnerStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule through the one way runs are wired, without the command line: the inputs copied
 * in and the run mode journaled, the run's files, the control channel answering while the run
 * goes, attachments told in order; an operator's stop through the control channel, and the
 * same run resumed through the session to its end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunSessionTest {
    private static final List<String> CELLS = List.of("coin-1", "coin-2");
    private static final Instant START = Instant.parse("2025-03-01T18:00:00Z");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private SessionOptions.Builder options(Path dir, Path schedule) {
        return TestBench.options(dir, schedule, console);
    }

    @Test
    void aScheduleRunsIntoARunDirectoryWithItsInputsAndTheControlChannelAnswersMeanwhile() throws Exception {
        Path schedule = TestBench.schedule(tmp.resolve("in"), CELLS);
        Path dir = tmp.resolve("run");
        List<String> told = new CopyOnWriteArrayList<>();
        AtomicReference<JsonNode> status = new AtomicReference<>();
        RunAttachment watcher = new RunAttachment() {
            @Override
            public RunListener listener() {
                return e -> {
                    if (e instanceof RunEvent.RunEnded ended) {
                        told.add("ended " + ended.cellId());
                    }
                };
            }

            @Override
            public void attach(Session session) {
                told.add("attach");
                try {
                    status.set(ControlClient.request(dir, ControlJson.MAPPER.createObjectNode().put("command", "status"),
                            Duration.ofSeconds(30)));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void ended(ScheduleRunner runner) {
                told.add("every cell ended");
            }

            @Override
            public void detach() {
                told.add("detach");
            }
        };
        Map<String, RunEvent.Outcome> outcomes = RunSession.run(options(dir, schedule)
                .start(new SessionStart.Fresh(START, "run-session-test")).attachments(List.of(watcher)).build());

        assertEquals(CELLS, List.copyOf(outcomes.keySet()), "in schedule order");
        assertTrue(outcomes.values().stream().allMatch(o -> o == RunEvent.Outcome.COMPLETED), outcomes.toString());
        assertTrue(Files.isRegularFile(dir.resolve("inputs/schedule.yaml")), "the schedule is copied in");
        assertTrue(Files.isRegularFile(dir.resolve("inputs/protocol.yaml")), "with its protocol");
        RunMode mode = JournalFiles.readRunMode(dir).orElseThrow();
        assertEquals(new RunMode("inputs/schedule.yaml", true, 0, START.getEpochSecond()), mode);
        try (RunReader reader = RunReader.open(dir)) {
            assertEquals("run-session-test", reader.manifest().runId());
        }
        assertTrue(status.get().path("ok").asBoolean(), String.valueOf(status.get()));
        assertEquals("run-session-test", status.get().path("run_id").asText());
        List<String> ids = new ArrayList<>();
        status.get().path("cells").forEach(c -> ids.add(c.path("cell_id").asText()));
        assertEquals(CELLS, ids);
        assertEquals("attach", told.getFirst());
        assertEquals(List.of("every cell ended", "detach"), told.subList(told.size() - 2, told.size()), told.toString());
        assertEquals(2, told.stream().filter(t -> t.startsWith("ended ")).count(), told.toString());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("cellbench: control with 'cellbench "
                + "status|pause|continue|stop " + dir + "'"), printed.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("control.sock"), LinkOption.NOFOLLOW_LINKS), "the socket goes with the run");
    }

    @Test
    void anOperatorsStopThroughTheControlChannelEndsTheRunAndTheSessionResumesItToItsEnd() throws Exception {
        Path schedule = TestBench.schedule(tmp.resolve("in"), CELLS);
        Path dir = tmp.resolve("run");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        // hold every cell before it starts, then stop the run as 'cellbench stop' does
        RunAttachment operator = session -> {
            CELLS.forEach(c -> session.runner().hold(c, "test", "held before the start"));
            Thread.ofVirtual().start(() -> {
                try {
                    awaitPaused(session.runner());
                    ControlClient.request(dir, ControlJson.MAPPER.createObjectNode().put("command", "stop"),
                            Duration.ofSeconds(30));
                } catch (Throwable t) {
                    failed.set(t);
                    session.runner().stop();
                }
            });
        };
        Map<String, RunEvent.Outcome> stopped = RunSession.run(options(dir, schedule).attachments(List.of(operator))
                .build());
        assertEquals(null, failed.get());
        assertEquals(Map.of("coin-1", RunEvent.Outcome.STOPPED, "coin-2", RunEvent.Outcome.STOPPED), stopped);
        String runId;
        try (RunReader reader = RunReader.open(dir)) {
            runId = reader.manifest().runId();
        }

        RunMode mode = JournalFiles.readRunMode(dir).orElseThrow();
        Map<String, JournalEntry> positions = new LinkedHashMap<>();
        ResumePlan.plan(dir, CELLS).forEach((id, plan) -> {
            if (plan instanceof ResumePlan.Continue c) {
                positions.put(id, c.entry());
            }
        });
        // the holds are journaled: the resumed cells are held again as they start, until released
        RunAttachment release = session -> Thread.ofVirtual().start(() -> {
            try {
                awaitPaused(session.runner());
                CELLS.forEach(c -> session.runner().release(c, "test"));
            } catch (Throwable t) {
                failed.set(t);
                session.runner().stop();
            }
        });
        Map<String, RunEvent.Outcome> resumed = RunSession.run(options(dir, dir.resolve(mode.schedule()))
                .start(new SessionStart.Resumed(runId, START, mode.clockStartUnixSecond(), CELLS, positions))
                .attachments(List.of(release)).build());
        assertEquals(null, failed.get());
        String events = Files.readString(dir.resolve("events.jsonl"));
        // Each cell runs on to an end of its own. Which one is the simulation's: as fast as possible,
        // a paused cell's clock runs on with wall time, so how long the simulated cell rested before
        // its charge depends on the machine's load, and a long rest can end in a safety trip.
        assertEquals(CELLS, List.copyOf(resumed.keySet()), "in schedule order");
        assertTrue(resumed.values().stream().allMatch(o -> o == RunEvent.Outcome.COMPLETED
                        || o == RunEvent.Outcome.SAFETY_TRIP),
                () -> resumed + "\n" + events.lines().filter(l -> !l.contains("\"SampleRecorded\"")).toList());
        for (String cell : CELLS) {
            assertEquals(1, events.lines().filter(l -> l.contains("\"StepStarted\"")
                            && l.contains("\"cell_id\":\"" + cell + "\"") && l.contains("\"step_id\":3")).count(),
                    cell + " went on past the step it was stopped in (to the last): " + events);
        }
        try (RunReader reader = RunReader.open(dir)) {
            assertEquals(runId, reader.manifest().runId(), "the same run");
        }
        assertEquals(2, events.lines().filter(l -> l.contains("\"RunStarted\"") && l.contains("\"resumed\":true")).count(),
                events);
    }

    @Test
    void aSinkNoneProvidesOrASettingItDoesNotKnowIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path schedule = TestBench.schedule(tmp.resolve("in"), CELLS);
        Path dir = tmp.resolve("run");
        UserError unknown = assertThrows(UserError.class, () -> RunSession.run(options(dir, schedule)
                .sinks(List.of(SinkSettings.of("parquet"))).build()));
        assertTrue(unknown.getMessage().startsWith("unknown sink 'parquet'; the sinks are "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("influxdb"), unknown.getMessage());
        assertFalse(Files.exists(dir), "nothing created: " + dir);
        UserError setting = assertThrows(UserError.class, () -> RunSession.run(options(dir, schedule)
                .sinks(List.of(new SinkSettings("influxdb", Map.of("bucket", "cells")))).build()));
        assertTrue(setting.getMessage().contains("unknown setting 'bucket'"), setting.getMessage());
        assertFalse(Files.exists(dir), "nothing created: " + dir);
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing said before the refusal");
    }

    private static void awaitPaused(ScheduleRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!CELLS.stream().allMatch(c -> runner.statuses().get(c) != null
                && runner.statuses().get(c).state() == RunnerStatus.State.PAUSED)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not paused within 60 s: " + runner.statuses());
            }
            Thread.sleep(10);
        }
    }
}
