package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.lab.VirtualLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual lab in scaled time (what {@code cellbench virtual-lab --speed N} starts): its lab
 * file carries the simulators' time ({@code virtual_time}), and {@code run --lab} lives in it,
 * so a 13-minute protocol on the real Keithley driver takes 13 seconds, and the charge the run
 * counts is the charge the simulated cell got. Before, a lab run lived in real time whatever
 * its instruments did: the run took 35 minutes (the hang guard) while the cell behind the driver
 * lived 14 days.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard: the run takes about 13 s of wall time
class ScaledVirtualLabRunTest {
    /**
     * 60 lab seconds per second: a runner thread that a loaded machine holds up for 40 ms then
     * costs 2.4 lab seconds, 0.4 % of the charge (at 600 it was 24 lab seconds: whole-suite run P2
     * counted 2.4 % more than 20 minutes at 1C and failed).
     */
    private static final double SPEED = 60;

    @TempDir
    Path dir;

    @Test
    void aRunOnAVirtualLabInScaledTimeLivesInTheLabsTime() throws Exception {
        Files.writeString(dir.resolve("steps.yaml"), """
                name: rest, charge, rest
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 60 s
                  sample_period: 10 s
                steps:
                  - Rest for 2 minutes
                  - Charge at 1C for 10 minutes
                  - Rest for 1 minute
                """);
        Path out = dir.resolve("run");
        double charged;
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new ScaledClock(System.currentTimeMillis()
                / 1000.0, SPEED), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "steps.yaml");
            assertTrue(Files.readString(dir.resolve("lab.yaml")).contains("virtual_time:"), "the lab file says so");
            double before = lab.cells().get(0).cell().throughputAh();
            Console run = Console.run("run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("a virtual lab in scaled time, 60 lab seconds per second"), run.out());
            charged = lab.cells().get(0).cell().throughputAh() - before;
        }
        try (RunReader data = RunReader.open(out)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), data.manifest().cell("cell-1").orElseThrow().outcome());
            List<Sample> samples = new ArrayList<>();
            data.samples("cell-1", samples::add);
            Sample last = samples.get(samples.size() - 1);
            assertTrue(last.testTimeSecond() >= 13 * 60, "13 lab minutes of test time: " + last);
            double counted = last.chargingCapacityAh();
            // 10 lab minutes at 1C (2 mA). A runner held up by a loaded machine ends the step late
            // and rightly counts more: at 60 lab seconds per second, 2 % is 200 ms of wall time
            // (P2 saw 40 ms). The step's length cannot be taken from the samples instead: the logging
            // rule thins them, so the step's first and last readings need not be recorded (run G2).
            assertEquals(2e-3 * 600 / 3600, counted, 0.02 * 2e-3 * 600 / 3600, "counted " + counted * 1e3 + " mAh");
            // what the run counted, and what the cell behind the driver got
            assertEquals(counted, charged, 0.03 * counted, "the cell got " + charged * 1e3 + " mAh, the run counted "
                    + counted * 1e3 + " mAh: one time for both");
        }
    }
}
