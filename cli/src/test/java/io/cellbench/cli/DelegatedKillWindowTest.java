package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.ProgramStates;
import io.cellbench.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellbench run} of a cell on a Neware channel killed (SIGKILL) in the one window that
 * waiting on its output cannot find: its journal written (holding the cycler's records up to
 * some number), the samples of those records not yet flushed. The run stops there on a test hook
 * ({@code -Dcellbench.test.pauseBeforeFlush}, which creates a file and waits) and is killed once
 * the file exists. {@code cellbench resume} goes on from the journal's version before, downloads
 * those records again and follows the cycler's test to its end: every record once, in order.
 */
@Timeout(600) // a hang guard: about a minute of wall time
class DelegatedKillWindowTest {
    @TempDir
    Path dir;

    /**
     * At the run's first journal write after records (no sample on disk yet: it failed before
     * the fix, the resume downloading from the journal's record position and losing every record
     * before it), and at its third (earlier writes' samples on disk).
     */
    @ParameterizedTest(name = "killed at journal write {0} after records")
    @ValueSource(ints = {1, 3})
    void aKillBetweenTheJournalAndTheFlushLosesAndDuplicatesNothing(int write) throws Exception {
        Path out = dir.resolve("run");
        Path ready = dir.resolve("in-the-window");
        try (DelegatedLab lab = DelegatedLab.start(dir, 200, false)) {
            Path labFile = lab.writeLab();
            Path schedule = lab.writeSchedule(DelegatedResumeTest.PROTOCOL);
            Process run = ChildProcess.cellbench(dir.resolve("cellbench-run.log"),
                    List.of("-Dcellbench.test.pauseBeforeFlush=" + ready,
                            "-Dcellbench.test.pauseBeforeFlush.write=" + write), "run", schedule.toString(), "--lab",
                    labFile.toString(), "--out", out.toString());
            ChildProcess.waitFor(run, () -> Files.exists(ready), "the run paused between journal and flush", 300);
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));

            // The kill landed in the window: the journal holds records whose samples are not on disk.
            JournalEntry journal = JournalFiles.readEntry(out, DelegatedLab.CELL).orElseThrow();
            double[] program = journal.instruments().get(ProgramStates.KEY);
            long journaled = (long) program[1 + 3]; // the record position of the state now (ProgramLink.saved)
            int onDisk = DelegatedRunTest.samples(out).size();
            System.out.printf(Locale.ROOT, "killed with %d records journaled and %d samples on disk%n", journaled,
                    onDisk);
            assertTrue(journaled > onDisk, journaled + " records journaled, " + onDisk + " samples on disk");
            assertTrue(write == 1 ? onDisk == 0 : onDisk > 0, onDisk + " samples on disk at write " + write);

            double atKill = lab.cell.throughputAh();
            Await.until(Duration.ofSeconds(300), () -> "the cycler runs on while cellbench is down",
                    () -> lab.cell.throughputAh() > atKill);
            Console resume = Console.run("resume", out.toString());
            assertEquals(0, resume.exitCode(), resume.out() + resume.err());

            List<ProgramRecord> records = DelegatedResumeTest.recordsOfTheCyclersTest(lab);
            List<Sample> samples = DelegatedRunTest.samples(out);
            System.out.printf(Locale.ROOT, "the cycler recorded %d points; the run directory holds %d samples%n",
                    records.size(), samples.size());
            assertEquals(records.size(), samples.size(), "every record once: nothing lost, nothing twice");
            for (int i = 0; i < records.size(); i++) {
                assertEquals(records.get(i).voltageVolt(), samples.get(i).voltageVolt(), 1e-9, "row " + i);
                assertEquals(records.get(i).currentAmpere(), samples.get(i).currentAmpere(), 1e-12, "row " + i);
                if (i > 0) {
                    Sample before = samples.get(i - 1);
                    int expected = samples.get(i).stepCount() == before.stepCount() ? before.stepRecordIndex() + 1 : 1;
                    assertEquals(expected, samples.get(i).stepRecordIndex(), "row " + i + ": each step's records counted once");
                    assertTrue(samples.get(i).testTimeSecond() > samples.get(i - 1).testTimeSecond(), "row " + i);
                    assertTrue(samples.get(i).cumulativeCapacityAh() >= samples.get(i - 1).cumulativeCapacityAh(),
                            "row " + i);
                }
            }
            assertEquals(lab.cell.throughputAh(), samples.getLast().cumulativeCapacityAh(),
                    0.005 * lab.cell.throughputAh(), "the counters went on across the lost batch");
        }
        try (RunReader data = RunReader.open(out)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED),
                    data.manifest().cell(DelegatedLab.CELL).orElseThrow().outcome());
        }
    }
}
