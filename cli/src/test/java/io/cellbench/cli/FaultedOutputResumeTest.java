package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.lab.VirtualInstrument;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAFETY: a cell faults mid-charge with its Keithley 2450's link gone, so the process that
 * faulted cannot have the output confirmed off and keeps retrying; it is killed (SIGKILL)
 * before the link comes back. The instrument is still charging. The resume must switch that
 * finished cell's output off: the journal says it was never confirmed.
 */
@Timeout(300) // a hang guard
class FaultedOutputResumeTest {
    @TempDir
    Path dir;

    @Test
    void aResumeSwitchesOffTheOutputOfACellThatFaultedUnconfirmed() throws Exception {
        faultKillResume(40, false);
    }

    /** Every cell has finished: the resume still runs, only to switch the faulted output off. */
    @Test
    void aResumeOfARunWhoseCellsAllFinishedStillSwitchesTheOutputOff() throws Exception {
        faultKillResume(6, true);
    }

    private void faultKillResume(int chargeSeconds, boolean othersFinishFirst) throws Exception {
        Files.writeString(dir.resolve("steps.yaml"), """
                name: a charge
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 1 s
                  sample_period: 0.2 s
                steps:
                  - Charge at C/2 for %d s
                  - Rest for 2 s
                """.formatted(chargeSeconds));
        Path out = dir.resolve("run");
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "steps.yaml");
            VirtualLab.Cell faulting = lab.cells().stream().filter(c -> c.channelTarget().startsWith("keithley-2450"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Keithley 2450 in the virtual lab"));
            VirtualInstrument keithley = lab.instrument(faulting.channelTarget());
            double before = faulting.cell().throughputAh();
            Process run = ChildProcess.cellbench(dir.resolve("cellbench-run.log"), "run",
                    dir.resolve("schedule.yaml").toString(), "--lab", dir.resolve("lab.yaml").toString(),
                    "--out", out.toString(), "--fault-retry", "1s");
            Await.until("the Keithley cell charges", () -> {
                assertTrue(run.isAlive(), "the run ended before the charge: " + Files.readString(
                        dir.resolve("cellbench-run.log")));
                return faulting.cell().throughputAh() - before >= 0.5e-3 / 3600;
            });
            keithley.faults().set(FaultPolicy.unplugged()); // the cable is pulled mid-charge
            Await.until("the cell faults with its output not confirmed off, journaled", () -> {
                assertTrue(run.isAlive(), "the run ended: " + Files.readString(dir.resolve("cellbench-run.log")));
                return JournalFiles.readEntry(out, faulting.id()).map(JournalEntry::outputInDoubt).orElse(false);
            });
            if (othersFinishFirst) {
                for (VirtualLab.Cell other : lab.cells()) {
                    if (other != faulting) {
                        Await.until(other.id() + " completes while the faulted output is retried", () -> {
                            assertTrue(run.isAlive(), "the run ended: " + Files.readString(
                                    dir.resolve("cellbench-run.log")));
                            return JournalFiles.readEntry(out, other.id()).map(JournalEntry::finished).orElse(false);
                        });
                    }
                }
            }
            run.destroyForcibly(); // killed before the link comes back: nothing confirmed the output off
            assertTrue(run.waitFor(10, TimeUnit.SECONDS));
            assertTrue(keithley.channelCommands().stream().anyMatch(c -> c instanceof ChannelCommand.Current i
                    && i.ampere() > 0), "the killed run left the Keithley charging: " + keithley.channelCommands());

            keithley.faults().clear(); // the link comes back
            Console resume = Console.run("resume", out.toString());
            // (its exit code says a cell faulted: that cell's outcome stands)
            assertTrue(keithley.channelCommands().stream().allMatch(c -> c instanceof ChannelCommand.OpenCircuit),
                    "the resume switched the faulted cell's output off: " + keithley.channelCommands() + "\n" + resume.out()
                            + resume.err());
            assertTrue(resume.out().contains(faulting.id() + ": finished (FAULT), its output never confirmed off:"
                    + " switched off now"), resume.out());
            JournalEntry after = JournalFiles.readEntry(out, faulting.id()).orElseThrow();
            assertEquals(RunEvent.Outcome.FAULT, after.outcome());
            assertFalse(after.outputInDoubt(), "and journaled it: " + after);
            String events = Files.readString(out.resolve("events.jsonl"));
            assertTrue(events.contains("output confirmed off by the instrument at resume"), events);
        }
    }
}
