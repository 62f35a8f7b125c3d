package io.cellbench.schedules.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ResumePlan;
import io.cellbench.schedules.journal.RunMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills at the moment a cell completes: its journal has recorded the end (written
 * first), run.json cannot take it. What whole-suite run G2 met once in FullDiskTest (a
 * cell of the resumed run with no outcome in run.json after a resume that exited 0), made
 * to happen every time: the one cell's last step ends, and from then on run.json's temporary
 * file cannot be written (it is a directory, as good as a full disk for that one file). The
 * schedule's other cell starts after it and so is stopped by the full disk before its first
 * step, a cell that had not started yet when the disk filled.
 *
 * <p>The resume goes through the session as the command line's does: the finished cell is
 * left alone, the other runs. Before the fix run.json kept the finished cell without an
 * outcome for good: resume read the journal's "completed" and never wrote it where readers
 * look.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EndUnrecordedOnFullDiskTest {
    private static final List<String> CELLS = List.of("coin-1", "coin-2");
    private static final Instant START = Instant.parse("2025-03-01T18:00:00Z");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aCellThatCompletedAsTheDiskFilledHasItsEndInRunJsonAfterTheResume() throws Exception {
        Path schedule = TestBench.schedule(tmp.resolve("in"), CELLS, Map.of("coin-2", "start: {after: [coin-1]}"));
        Path dir = tmp.resolve("run");
        Path runJsonTmp = dir.resolve("run.json.tmp");
        // coin-1's last step (the discharge, step 3) has ended and is recorded: the disk fills now
        RunAttachment diskFills = new RunAttachment() {
            @Override
            public io.cellbench.core.data.RunListener listener() {
                return e -> {
                    if (e instanceof RunEvent.StepEnded s && s.cellId().equals("coin-1") && s.stepIndex() == 3) {
                        try {
                            Files.createDirectories(runJsonTmp.resolve("full"));
                        } catch (IOException x) {
                            throw new UncheckedIOException(x);
                        }
                    }
                };
            }

            @Override
            public void attach(Session session) {
            }
        };
        Map<String, Outcome> first = RunSession.run(options(dir, schedule)
                .start(new SessionStart.Fresh(START, "end-unrecorded")).attachments(List.of(diskFills)).build());
        assertEquals(Outcome.COMPLETED, first.get("coin-1"), "coin-1 ran every step: " + printed());
        assertEquals(Outcome.STOPPED, first.get("coin-2"), "coin-2 stopped by the full disk: " + printed());
        assertEquals(Outcome.COMPLETED, JournalFiles.readEntry(dir, "coin-1").orElseThrow().outcome(),
                "the journal recorded coin-1's end");
        assertEquals(java.util.Optional.empty(), entry(dir, "coin-1").outcome(),
                "run.json could not: the interleaving G2 met");
        String alarm = printed().lines().filter(l -> l.startsWith("cellbench: ALARM: cell coin-1: cannot write the end"
                + " of its run to " + dir.resolve("run.json"))).findFirst().orElseThrow(() -> new AssertionError(printed()));
        assertTrue(alarm.endsWith("; the cell had ended completed. Once there is room again, cellbench resume " + dir
                + " records its end"), "not \"the cell stops\": it had ended. " + alarm);

        deleteBlock(runJsonTmp); // room again
        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, CELLS);
        assertInstanceOf(ResumePlan.Finished.class, plan.get("coin-1"));
        assertInstanceOf(ResumePlan.Fresh.class, plan.get("coin-2"));
        RunMode mode = JournalFiles.readRunMode(dir).orElseThrow();
        Map<String, Outcome> resumed = RunSession.run(options(dir, dir.resolve(mode.schedule()))
                .start(new SessionStart.Resumed("end-unrecorded", START, mode.clockStartUnixSecond(),
                        List.of("coin-2"), Map.of())).build());
        assertEquals(Map.of("coin-2", Outcome.COMPLETED), resumed, printed());

        for (String cell : CELLS) {
            assertEquals(java.util.Optional.of(Outcome.COMPLETED), entry(dir, cell).outcome(),
                    cell + "'s end in run.json after the resume");
        }
        String events = Files.readString(dir.resolve("events.jsonl"));
        assertEquals(1, events.lines().filter(l -> l.contains("\"RunEnded\"") && l.contains("\"cell_id\":\"coin-1\""))
                .count(), "coin-1's end once in events.jsonl (it got there before the disk filled): " + events);
        assertTrue(printed().contains("cellbench: coin-1 had ended completed when the run directory could not take its"
                + " end (a full disk); recorded now in run.json from its journal"), "the resume says so: " + printed());
    }

    @Test
    void aFinishedCellRunJsonDoesNotListIsSaidAndTheResumeRefused() throws Exception {
        Path schedule = TestBench.schedule(tmp.resolve("in"), CELLS);
        Path dir = tmp.resolve("run");
        Map<String, Outcome> ran = RunSession.run(options(dir, schedule)
                .start(new SessionStart.Fresh(START, "end-unlisted")).build());
        assertEquals(Outcome.COMPLETED, ran.get("coin-2"), printed());
        // run.json as an older copy would have it: coin-2 not listed
        Path runJson = dir.resolve("run.json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(runJson.toFile());
        var cells = root.withArray("cells");
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i).path("id").asText().equals("coin-2")) {
                cells.remove(i);
            }
        }
        json.writeValue(runJson.toFile(), root);
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ResumePlan.plan(dir, CELLS));
        assertTrue(refused.getMessage().startsWith("cell coin-2 has finished (its journal says COMPLETED) but "
                + runJson + " does not list it"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'cellbench repair " + dir + "'"), refused.getMessage());
    }

    private SessionOptions.Builder options(Path dir, Path schedule) {
        return TestBench.options(dir, schedule, console);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static CellEntry entry(Path dir, String cell) throws IOException {
        try (RunReader reader = RunReader.open(dir)) {
            return reader.manifest().cell(cell).orElseThrow(() -> new AssertionError(cell + " not in run.json"));
        }
    }

    private static void deleteBlock(Path block) throws IOException {
        Files.delete(block.resolve("full"));
        Files.delete(block);
    }
}
