package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import io.cellbench.drivers.neware.NewareBts;
import io.cellbench.drivers.neware.NewareBtsSettings;
import io.cellbench.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellbench run} of a cell on a Neware channel whose test an operator stops at the BTS PC
 * mid-charge: the cell ends as STOPPED with an alarm (the run ends with it). The operator
 * continues the test in BTS; {@code cellbench resume} re-attaches to it (starting nothing
 * again), downloads what it missed and follows it to its end: every record of the cycler's one
 * test once, in order, in the run directory.
 */
@Timeout(600) // a hang guard: about a minute of wall time
class DelegatedStopContinueTest {
    @TempDir
    Path dir;

    @Test
    void aTestStoppedAndContinuedInBtsIsFollowedToItsEndByResume() throws Exception {
        Path out = dir.resolve("run");
        try (DelegatedLab lab = DelegatedLab.start(dir, 200, false)) {
            Path labFile = lab.writeLab();
            Path schedule = lab.writeSchedule(DelegatedResumeTest.PROTOCOL);
            Process run = ChildProcess.cellbench(dir.resolve("cellbench-run.log"), "run", schedule.toString(), "--lab",
                    labFile.toString(), "--out", out.toString());
            Await.until(Duration.ofSeconds(300), () -> String.format(Locale.ROOT, "0.3 mAh charged: %.3f mAh",
                    lab.cell.throughputAh() * 1e3), () -> {
                assertTrue(run.isAlive(), "the run ended before the charge: " + ChildProcess.tail(run));
                return lab.cell.throughputAh() >= 0.3e-3;
            });
            NewareBtsSettings pcSettings = NewareBtsSettings.tcp("127.0.0.1", lab.bts.tcpPort())
                    .withShare(DelegatedResumeTest.dir(lab), "C:\\cellbench\\steps").withTimeout(Duration.ofSeconds(30), 2);
            try (NewareBts pc = NewareBts.open("bts-pc", pcSettings)) { // the operator at the BTS PC
                pc.channel(lab.bts.addresses().getFirst()).stop();
                assertTrue(run.waitFor(300, TimeUnit.SECONDS), "the run ends with its one cell stopped");
                String events = Files.readString(out.resolve("events.jsonl"));
                assertTrue(events.contains("stopped at the cycler, not by cellbench"), events);
                try (RunReader data = RunReader.open(out)) {
                    assertEquals(Optional.of(RunEvent.Outcome.STOPPED),
                            data.manifest().cell(DelegatedLab.CELL).orElseThrow().outcome());
                }
                pc.channel(lab.bts.addresses().getFirst()).resume();
            }
            assertEquals("working", lab.bts.workstatus(1), "continued in BTS");
            double atContinue = lab.cell.throughputAh();
            Await.until(Duration.ofSeconds(300), () -> "the cycler runs on before the resume",
                    () -> lab.cell.throughputAh() > atContinue);

            Console resume = Console.run("resume", out.toString());
            assertEquals(0, resume.exitCode(), resume.out() + resume.err());
            assertTrue(Files.readString(out.resolve("events.jsonl")).contains("re-attached to the program"),
                    "the resumed run says it re-attached");
            try (var published = Files.list(DelegatedResumeTest.dir(lab))) {
                assertEquals(1, published.filter(f -> f.toString().endsWith(".xml")).count(),
                        "one step file given to the BTS: the resume started nothing again");
            }
            DelegatedResumeTest.everyRecordOnce(lab, out);
        }
        try (RunReader data = RunReader.open(out)) {
            CellEntry cell = data.manifest().cell(DelegatedLab.CELL).orElseThrow();
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), cell.outcome());
            assertEquals(2, cell.starts());
        }
    }
}
