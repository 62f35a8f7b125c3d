package io.cellbench.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.cli.Child;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.lab.VirtualLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellbench probe} on an instrument a running run holds. Before, the probe opened it
 * as a run does (a Keithley 2450 gets *RST) and the running cell then recorded an empty
 * voltage at 0 A for the rest of its step, with no notice. Now the instrument is locked
 * across processes while the run holds it, and the probe is refused, naming the run.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ProbeHeldInstrumentTest {
    @TempDir
    Path dir;

    @Test
    void probeIsRefusedOnAnInstrumentARunHoldsAndWorksOnceTheRunHasEnded() throws Exception {
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir.resolve("vl")))) {
            Path labFile = dir.resolve("lab.yaml");
            lab.writeLab(labFile);
            Files.writeString(dir.resolve("rest.yaml"), """
                    name: long rest
                    limits:
                      voltage: [1.0 V, 4.5 V]
                    logging:
                      period: 10 s
                      sample_period: 1 s
                    steps:
                      - Rest for 2 hours
                    """);
            Path schedule = dir.resolve("schedule.yaml");
            lab.writeSchedule(schedule, "rest.yaml");
            Path run = dir.resolve("run");
            Child p = Child.start(dir, "run", schedule.toString(), "--lab", labFile.toString(), "--out", run.toString());
            try {
                Child.waitFor(p, () -> cellState(run).equals("RUNNING"), "the run's cells rest on the virtual lab", 120);

                ProbeAndPortsTest.Result probe = ProbeAndPortsTest.cellbench("probe", "--lab", labFile.toString(),
                        "keithley-2450-1");
                assertEquals(ProbeCommand.INSTRUMENT, probe.code(), probe.out() + probe.err());
                assertTrue(probe.err().contains("keithley-2450-1: held by run " + run.toAbsolutePath().normalize()
                        + " (pid " + p.pid()), "names the run and its process: " + probe.err());
                ProbeAndPortsTest.Result channel = ProbeAndPortsTest.cellbench("probe", "--lab", labFile.toString(),
                        "ch-2");
                assertEquals(ProbeCommand.INSTRUMENT, channel.code(), "a Maccor channel in use: " + channel.out()
                        + channel.err());
                assertTrue(channel.err().contains("held by run "), channel.err());
                assertEquals("RUNNING", cellState(run), "the run goes on untouched");

                assertEquals(0, ProbeAndPortsTest.cellbench("stop", run.toString()).code());
                p.exit(60);
            } finally {
                p.process().destroyForcibly();
            }
            ProbeAndPortsTest.Result free = ProbeAndPortsTest.cellbench("probe", "--lab", labFile.toString(),
                    "keithley-2450-1");
            assertEquals(0, free.code(), "released when the run ended: " + free.out() + free.err());
        }
    }

    private static String cellState(Path run) {
        ProbeAndPortsTest.Result s = ProbeAndPortsTest.cellbench("status", run.toString(), "--json");
        try {
            var cells = new ObjectMapper().readTree(s.out()).path("cells");
            return cells.size() > 0 && cells.path(0).path("state").asText().equals("RUNNING")
                    && cells.path(1).path("state").asText().equals("RUNNING") ? "RUNNING" : "other";
        } catch (Exception e) {
            return "none";
        }
    }
}
