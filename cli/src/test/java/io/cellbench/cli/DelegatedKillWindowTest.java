package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
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

            List<Sample> samples = DelegatedResumeTest.everyRecordOnce(lab, out);
            assertEquals(lab.cell.throughputAh(), samples.getLast().cumulativeCapacityAh(),
                    0.005 * lab.cell.throughputAh(), "the counters went on across the lost batch");
        }
        try (RunReader data = RunReader.open(out)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED),
                    data.manifest().cell(DelegatedLab.CELL).orElseThrow().outcome());
        }
    }
}
