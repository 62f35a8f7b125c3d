package io.cellbench.schedules.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal files, when a cell's journal writes, and what resume makes of a run directory. */
class JournalTest {
    private static final double T0 = 1_700_000_000;

    @TempDir
    Path dir;

    private static RunPosition position(int stepCount, double testTime, double stepAh) {
        return new RunPosition(List.of(2, 1), List.of(3), 5, RunPosition.Phase.MAIN, T0, 100, testTime, 0,
                new RunPosition.Counts(2, stepCount, true, 1e-3, 2e-4, stepAh, 8e-4, 5e-3, 4e-3, 7e-4, stepAh * 3.7,
                        3e-3, 2e-2));
    }

    @Test
    void anEntryMakesTheRoundTripThroughItsFileAndLeavesNoTemporaryFile() throws IOException {
        JournalEntry entry = new JournalEntry("A1", T0 + 150, position(7, 150, 2e-4), Outcome.STOPPED,
                Map.of("soc", new double[] {0.42}, "polarisation_volt", new double[] {1e-3, -2e-300, 0}));
        JournalFiles.writeEntry(dir, entry);
        JournalEntry back = JournalFiles.readEntry(dir, "A1").orElseThrow();
        assertEquals(entry.position(), back.position());
        assertEquals(Outcome.STOPPED, back.outcome());
        assertEquals(0.42, back.instruments().get("soc")[0]);
        assertEquals(-2e-300, back.instruments().get("polarisation_volt")[1]);
        assertFalse(back.finished(), "a stopped run can be resumed");
        try (var files = Files.list(JournalFiles.directory(dir))) {
            assertEquals(List.of("A1.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aMissingJournalIsEmptyAndABrokenOneIsAnErrorNamingTheFile() throws IOException {
        assertTrue(JournalFiles.readEntry(dir, "nobody").isEmpty());
        Files.createDirectories(JournalFiles.directory(dir));
        Files.writeString(JournalFiles.cellFile(dir, "B2"), "{\"cellId\": \"B2\", \"position\": {");
        IOException e = assertThrows(IOException.class, () -> JournalFiles.readEntry(dir, "B2"));
        assertTrue(e.getMessage().contains("B2.json"), e.getMessage());
    }

    @Test
    void theCellJournalWritesAtBoundariesAtItsPaceAndAfterItsRowLimit() throws IOException {
        List<String> calls = new ArrayList<>();
        CellJournal journal = new CellJournal(dir, "A1", () -> calls.add("flush"), () -> {
            calls.add("state");
            return Map.of();
        }, 4);
        journal.at(position(1, 100, 0), true);
        assertEquals(List.of("state", "flush"), calls, "the position is written before the data are made durable");
        assertEquals(100, read().position().testTimeSecond());

        journal.at(position(1, 140, 1e-5), false); // 40 s of test time, but within the same wall second
        assertEquals(100, read().position().testTimeSecond());
        journal.at(position(1, 141, 1e-5), false);
        journal.at(position(1, 142, 1e-5), false);
        journal.at(position(1, 143, 1e-5), false); // the 4th sample: the row limit
        assertEquals(143, read().position().testTimeSecond());

        journal.at(position(2, 150, 0), true);
        assertEquals(2, read().position().counters().stepCount());
        journal.ended(Outcome.COMPLETED, null);
        JournalEntry end = read();
        assertEquals(Outcome.COMPLETED, end.outcome());
        assertEquals(2, end.position().counters().stepCount(), "the last position stays");
        assertTrue(end.finished());
    }

    @Test
    void theCellJournalWritesAfterThirtySecondsOfTestTimeAndOneOfWallTime() throws Exception {
        CellJournal journal = new CellJournal(dir, "A1", () -> { }, Map::of, 1_000_000);
        journal.at(position(1, 100, 0), true);
        Thread.sleep(1_050);
        journal.at(position(1, 120, 0), false); // a second passed, but only 20 s of test time
        assertEquals(100, read().position().testTimeSecond());
        journal.at(position(1, 131, 0), false);
        assertEquals(131, read().position().testTimeSecond());
    }

    private JournalEntry read() throws IOException {
        return JournalFiles.readEntry(dir, "A1").orElseThrow();
    }

    @Test
    void resumePlansEachCellFromItsJournalAndItsData() throws IOException {
        RunInfo info = new RunInfo("run-1", Instant.ofEpochSecond((long) T0), "test");
        try (RunDirectorySink sink = RunDirectorySink.open(dir, info)) {
            for (String id : List.of("done", "tripped", "running", "stopped")) {
                sink.on(new RunEvent.RunStarted(id, T0, cell(id), "p", "steps: []", false));
                for (int i = 1; i <= 20; i++) {
                    sink.on(new RunEvent.SampleRecorded(id, sample(i, i <= 10 ? 4 : 5, i * 1e-6)));
                }
            }
            sink.on(new RunEvent.RunEnded("done", 20, Outcome.COMPLETED, "all steps completed"));
            sink.on(new RunEvent.RunEnded("tripped", 20, Outcome.SAFETY_TRIP, "voltage 4.5 V > 4.3 V"));
            sink.on(new RunEvent.RunEnded("stopped", 20, Outcome.STOPPED, "stopped by the operator"));
            // "running" never ends: the process died.
        }
        JournalFiles.writeEntry(dir, new JournalEntry("done", 0, position(5, 20, 0), Outcome.COMPLETED, Map.of()));
        JournalFiles.writeEntry(dir, new JournalEntry("tripped", 0, position(5, 12, 0), null, Map.of()));
        // The journal saw step 5 at test time 12; samples of step 5 up to 20 s reached the disk after it.
        JournalFiles.writeEntry(dir, new JournalEntry("running", 0, position(5, 12, 0), null, Map.of()));
        JournalFiles.writeEntry(dir, new JournalEntry("stopped", 0, position(5, 20, 0), Outcome.STOPPED, Map.of()));

        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, List.of("done", "tripped", "running",
                "stopped", "new"));
        assertEquals(new ResumePlan.Finished("done", Outcome.COMPLETED), plan.get("done"));
        assertEquals(new ResumePlan.Finished("tripped", Outcome.SAFETY_TRIP), plan.get("tripped"),
                "run.json's outcome counts when the journal missed the end");
        RunPosition running = assertInstanceOf(ResumePlan.Continue.class, plan.get("running")).entry().position();
        assertEquals(20, running.testTimeSecond(), "moved on to the last sample on disk");
        assertEquals(20e-6, running.counters().stepAh(), 1e-15);
        assertEquals(20e-6 * 3, running.counters().cumulativeAh(), 1e-15);
        assertTrue(running.counters().dischargedThisCycle(), "what samples do not hold is kept from the journal");
        assertEquals(List.of(2, 1), running.path());
        assertInstanceOf(ResumePlan.Continue.class, plan.get("stopped"));
        assertEquals(new ResumePlan.Fresh("new"), plan.get("new"));
    }

    private static CellInfo cell(String id) {
        return new CellInfo(id, "coin", "NMC811|Li6PS5Cl|Li-In", 0.002, Double.NaN, Double.NaN, "");
    }

    private static Sample sample(int t, int stepCount, double stepAh) {
        return new Sample(t, T0 + t, 3.5, -1e-3, 2, stepCount, 5, 1e-3, stepAh, stepAh, -stepAh, stepAh * 3,
                4e-3, stepAh * 3.5, stepAh * 3.5, -stepAh * 3.5, stepAh * 10, -3.5e-3, Double.NaN, 25, 1, 1e-3, stepAh, 4e-3, stepAh * 3.5);
    }
}
