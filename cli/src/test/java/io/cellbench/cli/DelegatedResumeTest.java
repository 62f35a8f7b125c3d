package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import io.cellbench.drivers.neware.NewareBts;
import io.cellbench.drivers.neware.NewareBtsSettings;
import io.cellbench.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellbench run} of a cell on a Neware channel killed with SIGKILL mid-charge while the
 * cycler runs on; {@code cellbench resume} re-attaches to the running test (it starts nothing
 * again), downloads what it missed and follows it to its end. The run directory then holds
 * every record of the cycler's one test, once, in order. The same when the test was stopped at
 * the BTS PC and continued there.
 */
@Timeout(600) // a hang guard: about a minute of wall time per test
class DelegatedResumeTest {
    static final String PROTOCOL = DelegatedLab.protocol("charge and discharge", "30 s", """
              - Rest for 5 minutes
              - Charge at 1C until 3.7 V then hold until C/10
              - Rest for 5 minutes
              - Discharge at 1C until 1.9 V
              - Rest for 5 minutes
            """);

    @TempDir
    Path dir;

    @Test
    void aKilledRunReattachesToTheTestTheCyclerKeptRunning() throws Exception {
        Path out = dir.resolve("run");
        try (DelegatedLab lab = DelegatedLab.start(dir, 200, false)) {
            Process run = chargingRun(lab, out);
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            assertEquals("working", lab.bts.workstatus(1), "the cycler runs on without cellbench");
            double atKill = lab.cell.throughputAh();
            Await.until(Duration.ofSeconds(300), () -> "another 0.2 mAh on the cycler while cellbench is down",
                    () -> lab.cell.throughputAh() >= atKill + 0.2e-3);

            List<Sample> samples = resumedOnce(lab, out);
            Sample last = samples.getLast();
            assertEquals(lab.cell.throughputAh(), last.cumulativeCapacityAh(), 0.005 * lab.cell.throughputAh(),
                    "the run counted what the cell went through, downtime included");
        }
        try (RunReader data = RunReader.open(out)) {
            CellEntry cell = data.manifest().cell(DelegatedLab.CELL).orElseThrow();
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), cell.outcome());
            assertEquals(2, cell.starts());
        }
    }

    /**
     * {@code cellbench run} whose test an operator stops at the BTS PC mid-charge: the cell ends
     * as STOPPED with an alarm (the run ends with it). The operator continues the test in BTS;
     * {@code cellbench resume} re-attaches to it (starting nothing again), downloads what it
     * missed and follows it to its end: every record of the cycler's one test once, in order.
     */
    @Test
    void aTestStoppedAndContinuedInBtsIsFollowedToItsEndByResume() throws Exception {
        Path out = dir.resolve("run");
        try (DelegatedLab lab = DelegatedLab.start(dir, 200, false)) {
            Process run = chargingRun(lab, out);
            NewareBtsSettings pcSettings = NewareBtsSettings.tcp("127.0.0.1", lab.bts.tcpPort())
                    .withShare(dir(lab), "C:\\cellbench\\steps").withTimeout(Duration.ofSeconds(30), 2);
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
            Await.until("continued in BTS", () -> "working".equals(lab.bts.workstatus(1)));
            double atContinue = lab.cell.throughputAh();
            Await.until(Duration.ofSeconds(300), () -> "the cycler runs on before the resume",
                    () -> lab.cell.throughputAh() > atContinue);

            resumedOnce(lab, out);
        }
        try (RunReader data = RunReader.open(out)) {
            CellEntry cell = data.manifest().cell(DelegatedLab.CELL).orElseThrow();
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), cell.outcome());
            assertEquals(2, cell.starts());
        }
    }

    /**
     * {@code cellbench resume} of {@code out}: it re-attaches to the cycler's test, starting
     * nothing again (one step file given to the BTS), and the run directory then holds every
     * record of that test once; its samples.
     */
    private static List<Sample> resumedOnce(DelegatedLab lab, Path out) throws Exception {
        Console resume = Console.run("resume", out.toString());
        assertEquals(0, resume.exitCode(), resume.out() + resume.err());
        assertTrue(Files.readString(out.resolve("events.jsonl")).contains("re-attached to the program"),
                "the resumed run says it re-attached");
        try (var published = Files.list(dir(lab))) {
            assertEquals(1, published.filter(f -> f.toString().endsWith(".xml")).count(),
                    "one step file given to the BTS: the resume started nothing again");
        }
        return everyRecordOnce(lab, out);
    }

    /** {@code cellbench run} of {@link #PROTOCOL} into {@code out}, once the cell has been charged 0.3 mAh. */
    private static Process chargingRun(DelegatedLab lab, Path out) throws Exception {
        Process run = lab.startRun(out, PROTOCOL);
        lab.awaitCharged(run, 0.3e-3);
        return run;
    }

    /**
     * The run directory's samples, checked against every record of the cycler's test: the same
     * number, the same V and I row by row, test time rising, each step's records counted once
     * (step record index 1, 2, 3 …) and the totals never going back.
     */
    static List<Sample> everyRecordOnce(DelegatedLab lab, Path out) throws Exception {
        List<ProgramRecord> records = recordsOfTheCyclersTest(lab);
        List<Sample> samples = DelegatedRunTest.samples(out);
        System.out.printf(Locale.ROOT, "the cycler recorded %d points; the run directory holds %d samples%n",
                records.size(), samples.size());
        assertEquals(records.size(), samples.size(), "every record once: nothing lost, nothing twice");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).voltageVolt(), samples.get(i).voltageVolt(), 1e-9, "row " + i);
            assertEquals(records.get(i).currentAmpere(), samples.get(i).currentAmpere(), 1e-12, "row " + i);
            if (i > 0) {
                Sample before = samples.get(i - 1);
                Sample now = samples.get(i);
                assertEquals(now.stepCount() == before.stepCount() ? before.stepRecordIndex() + 1 : 1,
                        now.stepRecordIndex(), "row " + i + ": each step's records counted once");
                assertTrue(now.testTimeSecond() > before.testTimeSecond(), "row " + i);
                assertTrue(now.totalChargingCapacityAh() >= before.totalChargingCapacityAh()
                        && now.cumulativeCapacityAh() >= before.cumulativeCapacityAh(), "row " + i);
            }
        }
        return samples;
    }

    /** Every record of the channel's latest test, through the driver: a test started twice would show only the second. */
    static List<ProgramRecord> recordsOfTheCyclersTest(DelegatedLab lab) {
        NewareBtsSettings settings = NewareBtsSettings.tcp("127.0.0.1", lab.bts.tcpPort())
                .withShare(dir(lab), "C:\\cellbench\\steps").withTimeout(Duration.ofSeconds(30), 2);
        try (NewareBts bts = NewareBts.open("check", settings)) {
            return bts.channel(lab.bts.addresses().getFirst()).records(1, Integer.MAX_VALUE);
        }
    }

    static Path dir(DelegatedLab lab) {
        return Path.of(String.valueOf(lab.bts.labEntry().get("step_share")));
    }
}
