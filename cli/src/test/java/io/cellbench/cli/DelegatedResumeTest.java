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
 * every record of the cycler's one test, once, in order.
 */
@Timeout(600) // a hang guard: about a minute of wall time
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
            Path labFile = lab.writeLab();
            Path schedule = lab.writeSchedule(PROTOCOL);
            Process run = ChildProcess.cellbench(dir.resolve("cellbench-run.log"), "run", schedule.toString(), "--lab",
                    labFile.toString(), "--out", out.toString());
            Await.until(Duration.ofSeconds(300), () -> String.format(Locale.ROOT, "0.3 mAh charged: %.3f mAh",
                    lab.cell.throughputAh() * 1e3), () -> {
                assertTrue(run.isAlive(), "the run ended before the charge: " + log());
                return lab.cell.throughputAh() >= 0.3e-3;
            });
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            assertEquals("working", lab.bts.workstatus(1), "the cycler runs on without cellbench");
            double atKill = lab.cell.throughputAh();
            Await.until(Duration.ofSeconds(300), () -> "another 0.2 mAh on the cycler while cellbench is down",
                    () -> lab.cell.throughputAh() >= atKill + 0.2e-3);

            Console resume = Console.run("resume", out.toString());
            assertEquals(0, resume.exitCode(), resume.out() + resume.err());
            assertTrue(Files.readString(out.resolve("events.jsonl")).contains("re-attached to the program"),
                    "the resumed run says it re-attached");

            try (var published = Files.list(dir(lab))) {
                assertEquals(1, published.filter(f -> f.toString().endsWith(".xml")).count(),
                        "one step file given to the BTS: the resume started nothing again");
            }
            List<Sample> samples = everyRecordOnce(lab, out);
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

    private String log() {
        try {
            Path p = dir.resolve("cellbench-run.log");
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
