package io.cellbench.schedules.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume holds each cell's last sample on disk against its journal. Before, it did not:
 * with a samples file truncated it continued and left a 19.7-hour hole that nothing mentioned.
 */
class ResumeDataCheckTest {
    private static final double T0 = 1_700_000_000;

    @TempDir
    Path dir;

    private static RunPosition position(int stepCount, double testTime) {
        return new RunPosition(List.of(2), List.of(), 3, RunPosition.Phase.MAIN, T0, 0, testTime, 0,
                new RunPosition.Counts(1, stepCount, false, 1e-3, 0, 1e-4, 1e-3, 1e-3, 4e-3, 0, 4e-4, 4e-3, 4e-3));
    }

    @Test
    void eachJournalWriteSaysUpToWhereTheDataWereOnDisk() throws IOException {
        CellJournal journal = new CellJournal(dir, "A1", () -> { }, Map::of, 1);
        journal.at(position(1, 100), true);
        assertNull(JournalFiles.readEntry(dir, "A1").orElseThrow().dataThroughTestTimeSecond(),
                "nothing was on disk before the first write");
        journal.at(position(2, 160), true);
        assertNull(JournalFiles.readEntry(dir, "A1").orElseThrow().dataThroughTestTimeSecond(),
                "the previous write's flush put no sample on disk: none had been recorded");
        journal.at(position(2, 170), false); // a sample recorded (and, with maxRows 1, a write)
        journal.at(position(2, 200), true);
        assertEquals(170.0, JournalFiles.readEntry(dir, "A1").orElseThrow().dataThroughTestTimeSecond(),
                "the previous write's flush put every sample up to 170 s on disk");

        CellJournal resumed = new CellJournal(dir, "B2", () -> { }, Map::of, 1, position(4, 500), 480.0);
        resumed.ended(RunEvent.Outcome.STOPPED, null);
        JournalEntry b2 = JournalFiles.readEntry(dir, "B2").orElseThrow();
        assertEquals(500, b2.position().testTimeSecond(), "a resumed cell never loses its position");
        assertEquals(480.0, b2.dataThroughTestTimeSecond(), "nor what the resume found on disk");
    }

    /**
     * A kill -9 between a journal write and the flush after it, where the last write before
     * was at a step boundary later than the last sample (a step that starts, or a CV switch,
     * between samples), must leave a run that resumes. Before, the journal said the data
     * were on disk up to that boundary, the samples on disk (rightly) ended before it, and
     * resume refused the run for "missing" data: ControlTest's resume after a kill -9 ended
     * with that refusal now and then in loaded runs.
     */
    @Test
    void aKillRightAfterAJournalWriteThatFollowsAStepBoundaryIsResumable() throws IOException {
        record(Map.of("A1", 20)); // the samples on disk: up to 20 s, flushed after the first write
        CellJournal journal = new CellJournal(dir, "A1", () -> { }, Map::of, 1);
        journal.at(position(1, 20), false); // the last sample recorded (maxRows 1: a write, then the flush)
        journal.at(position(2, 50), true); // step 2 starts at 50 s, between samples: a write, a flush
        journal.at(position(2, 80), true); // a CV switch: a write, and the kill comes before its flush

        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, List.of("A1"));

        ResumePlan.Continue resumed = assertInstanceOf(ResumePlan.Continue.class, plan.get("A1"),
                "nothing recorded is missing: every sample recorded had been flushed");
        assertArrayEquals(new double[] {20, 80}, resumed.unwritten(), "the downtime from the last sample, said");
        assertEquals(80, resumed.entry().position().testTimeSecond());
    }

    @Test
    void dataEndingBeforeWhatTheJournalHadWrittenIsMissingData() throws IOException {
        record(Map.of("short", 20, "crashed", 120, "ahead", 160));
        // "short": its samples end at 20 s, but the journal had data up to 100 s written
        JournalFiles.writeEntry(dir, new JournalEntry("short", 0, position(2, 150), null, Map.of(), 100.0));
        // "crashed": the usual loss of a kill: the batch between the last flush (100 s) and the journal (150 s)
        JournalFiles.writeEntry(dir, new JournalEntry("crashed", 0, position(2, 150), null, Map.of(), 100.0));
        // "ahead": the data reach beyond the journal's position: continue from the data
        JournalFiles.writeEntry(dir, new JournalEntry("ahead", 0, position(2, 150), null, Map.of(), 100.0));

        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, List.of("short", "crashed", "ahead"));

        ResumePlan.MissingData missing = assertInstanceOf(ResumePlan.MissingData.class, plan.get("short"));
        assertEquals(20, missing.onDiskTestTimeSecond());
        assertEquals(100, missing.writtenTestTimeSecond());
        ResumePlan.Continue accepted = missing.accepted();
        assertEquals(150, accepted.entry().position().testTimeSecond(), "across the hole: from the journal");
        assertEquals(20.0, accepted.entry().dataThroughTestTimeSecond(), "the next check starts from what is there");

        ResumePlan.Continue crashed = assertInstanceOf(ResumePlan.Continue.class, plan.get("crashed"));
        assertArrayEquals(new double[] {120, 150}, crashed.unwritten(), "said, not silent");
        assertEquals(150, crashed.entry().position().testTimeSecond());

        ResumePlan.Continue ahead = assertInstanceOf(ResumePlan.Continue.class, plan.get("ahead"));
        assertNull(ahead.unwritten());
        assertEquals(160, ahead.entry().position().testTimeSecond(), "moved on to the last sample on disk");
    }

    @Test
    void aCellWhoseFilesHoldNoRowAndWhichHasNoJournalStartsAfresh() throws IOException {
        // The disk filled (or the process died) between a cell's files being created and its
        // first journal write: before, resume refused the whole run ("recorded data but no journal").
        record(Map.of("empty", 0, "recorded", 5));
        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, List.of("empty"));
        assertEquals(new ResumePlan.Fresh("empty"), plan.get("empty"));
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ResumePlan.plan(dir, List.of("recorded")));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("has recorded data but no journal"),
                refused.getMessage());

        RunInfo info = new RunInfo("run-1", Instant.ofEpochSecond((long) T0), "test");
        try (RunDirectorySink sink = RunDirectorySink.open(dir, info)) {
            sink.on(new RunEvent.RunStarted("empty", T0 + 60, new CellInfo("empty", "coin", "NMC811", 0.002,
                    Double.NaN, Double.NaN, ""), "p", "steps: []", false)); // starts afresh beside its empty file
        }
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(dir.resolve("cells/empty/samples-0001.arrows")));
    }

    /**
     * A cell stopped at test time 0 (its journal written as it started, no sample yet) lost
     * nothing. Before, resume said "samples from test time 0.0 s to 0.0 s ... are lost" for it,
     * a false alarm to whoever reads events.jsonl.
     */
    @Test
    void aCellStoppedAtTestTimeZeroWithNothingOnDiskLostNothing() throws IOException {
        record(Map.of("empty", 0, "crashed", 0)); // "empty" and "crashed": a samples file with no row
        // "none": no files at all (the disk filled before they were created)
        for (String id : List.of("empty", "none")) {
            JournalFiles.writeEntry(dir, new JournalEntry(id, 0, position(1, 0), null, Map.of(), null));
        }
        // "crashed": a real gap: the journal got to 30 s and no sample reached the disk
        JournalFiles.writeEntry(dir, new JournalEntry("crashed", 0, position(1, 30), null, Map.of(), null));

        Map<String, ResumePlan.CellPlan> plan = ResumePlan.plan(dir, List.of("empty", "none", "crashed"));

        for (String id : List.of("empty", "none")) {
            ResumePlan.Continue stopped = assertInstanceOf(ResumePlan.Continue.class, plan.get(id), id);
            assertNull(stopped.unwritten(), id + ": nothing was lost, so no loss is reported");
            assertEquals(0, stopped.entry().position().testTimeSecond(), id);
        }
        ResumePlan.Continue crashed = assertInstanceOf(ResumePlan.Continue.class, plan.get("crashed"));
        assertArrayEquals(new double[] {0, 30}, crashed.unwritten(), "a real gap is still said");
    }

    /** Each cell's samples, one a second in step 2, up to the given test time. */
    private void record(Map<String, Integer> lastSecond) throws IOException {
        RunInfo info = new RunInfo("run-1", Instant.ofEpochSecond((long) T0), "test");
        try (RunDirectorySink sink = RunDirectorySink.open(dir, info)) {
            for (var e : lastSecond.entrySet()) {
                sink.on(new RunEvent.RunStarted(e.getKey(), T0, new CellInfo(e.getKey(), "coin", "NMC811", 0.002,
                        Double.NaN, Double.NaN, ""), "p", "steps: []", false));
                for (int t = 1; t <= e.getValue(); t++) {
                    sink.on(new RunEvent.SampleRecorded(e.getKey(), new Sample(t, T0 + t, 3.5, 1e-3, 1, 2, 3, 1e-3,
                            0, 1e-4, 1e-3, 1e-3, 4e-3, 0, 4e-4, 4e-3, 4e-3, 3.5e-3, Double.NaN, 25, 1, 1e-3, 0, 4e-3, 0)));
                }
            }
        }
    }
}
