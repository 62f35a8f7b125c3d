package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on the virtual lab killed with SIGKILL mid-charge, then resumed: {@code resume}
 * reads the lab file kept in DIR/inputs/lab, reconnects through the drivers and finishes.
 */
@Timeout(300) // a hang guard
class LabResumeTest {
    @TempDir
    Path dir;

    @Test
    void aKilledLabRunResumesOnTheSameLab() throws Exception {
        Files.writeString(dir.resolve("steps.yaml"), """
                name: rest, charge, rest
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 1 s
                  sample_period: 0.2 s
                steps:
                  - Rest for 2 s
                  - Charge at C/2 for 6 s
                  - Rest for 2 s
                """);
        Path out = dir.resolve("run");
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "steps.yaml");
            Process run = cellbench("run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString());
            // SIGKILL mid-charge, as a crash would: once each cell has taken a second of its C/2
            // (1 mA) charge, as the simulated cells behind the instruments count it
            Map<String, Double> before = new HashMap<>();
            lab.cells().forEach(c -> before.put(c.id(), c.cell().throughputAh()));
            Await.until(() -> "a second of charge in each cell: " + charged(lab, before), () -> {
                assertTrue(run.isAlive(), "the run ended before the charge: " + log());
                return lab.cells().stream().allMatch(c -> c.cell().throughputAh() - before.get(c.id()) >= 1e-3 / 3600);
            });
            run.destroyForcibly();
            assertTrue(run.waitFor(10, TimeUnit.SECONDS));

            Console resume = Console.run("resume", out.toString());
            assertEquals(0, resume.exitCode(), resume.out() + resume.err());
            assertTrue(resume.out().contains("on lab 'virtual lab' (inputs/lab/lab.yaml)"), resume.out());
            assertTrue(resume.out().contains("cell-1: continues in step"), resume.out());
            assertTrue(resume.out().contains("cell-2: continues in step"), resume.out());
        }
        try (RunReader data = RunReader.open(out)) {
            // cell-2 is on the Maccor: the killed run left its channel Active in direct mode; the
            // resume waited (active_wait) for the cycler's watchdog to suspend it, then started afresh
            CellEntry maccor = data.manifest().cell("cell-2").orElseThrow();
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), maccor.outcome());
            assertEquals(2, maccor.starts());
            CellEntry cell = data.manifest().cell("cell-1").orElseThrow();
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), cell.outcome());
            assertEquals(2, cell.starts());
            List<Sample> samples = new ArrayList<>();
            data.samples("cell-1", samples::add);
            for (int i = 1; i < samples.size(); i++) {
                assertTrue(samples.get(i).testTimeSecond() > samples.get(i - 1).testTimeSecond(), "time goes on");
            }
            double charged = samples.get(samples.size() - 1).chargingCapacityAh();
            // 6 s at 1 mA, less what was lost with the kill, more the charge going on while the program was down
            assertTrue(charged > 0.5 * 6e-3 / 3600 && charged < 2 * 6e-3 / 3600, "charged " + charged * 3.6e6 + " mAs");
        }
    }

    private static String charged(VirtualLab lab, Map<String, Double> before) {
        StringBuilder sb = new StringBuilder();
        lab.cells().forEach(c -> sb.append(c.id()).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.3f mAs ", (c.cell().throughputAh() - before.get(c.id())) * 3.6e6)));
        return sb.toString().strip();
    }

    private String log() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("cellbench-")).toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    private Process cellbench(String... args) throws IOException {
        return ChildProcess.cellbench(dir.resolve("cellbench-run.log"), args);
    }
}
