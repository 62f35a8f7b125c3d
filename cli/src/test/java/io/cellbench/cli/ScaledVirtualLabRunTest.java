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
 * so a 35-minute protocol on the real Keithley driver takes seconds, and the charge the run
 * counts is the charge the simulated cell got. Before, a lab run lived in real time whatever
 * its instruments did: the run took 35 minutes (the hang guard) while the cell behind the driver
 * lived 14 days.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard: the run takes about 4 s of wall time
class ScaledVirtualLabRunTest {
    private static final double SPEED = 600;

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
                  - Rest for 10 minutes
                  - Charge at 1C for 20 minutes
                  - Rest for 5 minutes
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
            assertTrue(run.out().contains("a virtual lab in scaled time, 600 lab seconds per second"), run.out());
            charged = lab.cells().get(0).cell().throughputAh() - before;
        }
        try (RunReader data = RunReader.open(out)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), data.manifest().cell("cell-1").orElseThrow().outcome());
            List<Sample> samples = new ArrayList<>();
            data.samples("cell-1", samples::add);
            Sample last = samples.get(samples.size() - 1);
            assertTrue(last.testTimeSecond() >= 35 * 60, "35 lab minutes of test time: " + last);
            double counted = last.chargingCapacityAh();
            // The charge step as recorded: from its first sample to the first sample of the rest
            // after it (the reading as the rest began, when the charge ended).
            int first = 0;
            while (samples.get(first).currentAmpere() < 1e-3) {
                first++;
            }
            int after = first;
            while (samples.get(after).stepIndex() == samples.get(first).stepIndex()) {
                after++;
            }
            double seconds = samples.get(after).testTimeSecond() - samples.get(first).testTimeSecond();
            // 20 lab minutes at 1C (2 mA), never fewer (less one sample period, 10 s: the step's
            // first sample may come a moment after it began). At 600 lab seconds per second, a
            // runner that looks at the clock 40 ms late (a loaded machine; whole-suite run P2)
            // ends the step 24 lab seconds late and rightly counts 2 % more: so the charge is
            // checked against the step's recorded length, and the length only from below.
            assertTrue(seconds >= 20 * 60 - 10, "the charge lasted " + seconds + " lab seconds");
            assertEquals(2e-3 * seconds / 3600, counted, 0.01 * 2e-3 * seconds / 3600, "counted " + counted * 1e3
                    + " mAh in " + seconds + " lab seconds of charge");
            // what the run counted, and what the cell behind the driver got
            assertEquals(counted, charged, 0.03 * counted, "the cell got " + charged * 1e3 + " mAh, the run counted "
                    + counted * 1e3 + " mAh: one time for both");
        }
    }
}
