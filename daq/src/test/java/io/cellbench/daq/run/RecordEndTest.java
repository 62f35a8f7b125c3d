package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunDirectorySink#recordEnd}: the end of a cell that the run directory could not take
 * when the cell ended, recorded later from the journal. The disk fills either after events.jsonl
 * took the RunEnded line and before run.json did (both were seen in FullDiskTest-like runs on
 * a real full tmpfs), or before either did; here run.json's temporary file is a directory, as
 * good as a full disk for run.json alone.
 */
class RecordEndTest {
    @TempDir
    Path dir;

    @Test
    void anEndInEventsJsonlButNotInRunJsonGoesToRunJsonAsLoggedAndIsNotLoggedTwice() throws IOException {
        Path block = dir.resolve(RunLayout.RUN_JSON + ".tmp").resolve("full");
        try (RunDirectorySink sink = RunDirectorySink.open(dir, RunDirectorySinkTest.RUN)) {
            sink.on(RunDirectorySinkTest.started("A1", false));
            Files.createDirectories(block);
            RecordingFailure full = assertThrows(RecordingFailure.class,
                    () -> sink.on(new RunEnded("A1", 3600, Outcome.COMPLETED, "all steps completed")));
            assertTrue(full.getMessage().contains(RunLayout.RUN_JSON), "names the file that failed: " + full.getMessage());
        }
        assertEquals(Optional.empty(), outcome("A1"), "the disk filled between events.jsonl and run.json");
        assertEquals(1, ends("A1"));
        Files.delete(block);
        Files.delete(block.getParent());

        try (RunDirectorySink sink = RunDirectorySink.open(dir, RunDirectorySinkTest.RUN)) {
            assertTrue(sink.recordEnd(new RunEnded("A1", 3601, Outcome.COMPLETED, "from the journal"), 1.7e9 + 3601));
            assertFalse(sink.recordEnd(new RunEnded("A1", 3601, Outcome.COMPLETED, "from the journal"), 1.7e9 + 3601),
                    "once recorded, nothing more");
        }
        CellEntry a1 = RunManifest.read(dir.resolve(RunLayout.RUN_JSON)).cell("A1").orElseThrow();
        assertEquals(Optional.of(Outcome.COMPLETED), a1.outcome());
        assertEquals("all steps completed", a1.endMessage(), "events.jsonl's line, the run's own words");
        assertEquals(3600, a1.endTestTimeSecond());
        assertEquals(1, ends("A1"), "events.jsonl keeps its one end");
    }

    @Test
    void anEndInNeitherFileGoesToBoth() throws IOException {
        try (RunDirectorySink sink = RunDirectorySink.open(dir, RunDirectorySinkTest.RUN)) {
            sink.on(RunDirectorySinkTest.started("A1", false));
            sink.on(RunDirectorySinkTest.started("B2", false));
            // the disk was full for both files at A1's end: nothing of it was written
            assertTrue(sink.recordEnd(new RunEnded("A1", 3600, Outcome.SAFETY_TRIP, "from the journal"), 1.7e9 + 3600));
        }
        CellEntry a1 = RunManifest.read(dir.resolve(RunLayout.RUN_JSON)).cell("A1").orElseThrow();
        assertEquals(Optional.of(Outcome.SAFETY_TRIP), a1.outcome());
        assertEquals("from the journal", a1.endMessage());
        assertEquals(1, ends("A1"));
        assertEquals(Optional.empty(), outcome("B2"), "another cell's entry untouched");
        List<LoggedEvent> events = new java.util.ArrayList<>();
        EventLogReader.readAll(dir, events::add);
        assertEquals(1.7e9 + 3600, events.getLast().unixTimeSecond(), "dated when the cell ended");
    }

    @Test
    void anEndLoggedBeforeAResumeDoesNotStandForTheResumedRunsEnd() throws IOException {
        try (RunDirectorySink sink = RunDirectorySink.open(dir, RunDirectorySinkTest.RUN)) {
            sink.on(RunDirectorySinkTest.started("A1", false));
            sink.on(new RunEnded("A1", 100, Outcome.STOPPED, "stopped"));
        }
        try (RunDirectorySink sink = RunDirectorySink.open(dir, RunDirectorySinkTest.RUN)) {
            sink.on(RunDirectorySinkTest.started("A1", true));
            assertTrue(sink.recordEnd(new RunEnded("A1", 3600, Outcome.COMPLETED, "from the journal"), 1.7e9 + 3600));
        }
        assertEquals(Optional.of(Outcome.COMPLETED), outcome("A1"));
        assertEquals(2, ends("A1"), "the first run's stop and the resumed run's end");
    }

    @Test
    void aCellRunJsonDoesNotListIsRefusedAndNothingIsWritten() throws IOException {
        try (RunDirectorySink sink = RunDirectorySink.open(dir, RunDirectorySinkTest.RUN)) {
            sink.on(RunDirectorySinkTest.started("A1", false));
            IOException refused = assertThrows(IOException.class,
                    () -> sink.recordEnd(new RunEnded("Z9", 3600, Outcome.COMPLETED, "from the journal"), 1.7e9));
            assertTrue(refused.getMessage().contains("cell Z9") && refused.getMessage().contains("does not list it"),
                    refused.getMessage());
        }
        assertEquals(0, ends("Z9"));
    }

    private Optional<Outcome> outcome(String cell) throws IOException {
        return RunManifest.read(dir.resolve(RunLayout.RUN_JSON)).cell(cell).orElseThrow().outcome();
    }

    private long ends(String cell) throws IOException {
        long[] n = {0};
        EventLogReader.readAll(dir, e -> {
            if (e instanceof LoggedEvent.RunEnded && e.cellId().equals(cell)) {
                n[0]++;
            }
        });
        return n[0];
    }
}
