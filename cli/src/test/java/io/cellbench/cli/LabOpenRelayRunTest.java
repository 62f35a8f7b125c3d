package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.daq.run.RunReader;
import io.cellbench.fixtures.lab.VirtualLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rest: open-relay} through the whole tool: {@code cellbench run --lab} on the virtual
 * lab's 2450 with its lab entry set to rest with the relay open, then the run directory, the
 * exports and the plots. The rests' samples have no voltage; nothing downstream may turn that
 * into a fault, a NaN summary or a broken file.
 */
@Timeout(300) // a hang guard
class LabOpenRelayRunTest {
    @TempDir
    Path dir;

    @Test
    void aRunWithRelayOpenRestsCompletesAndItsDataExportsAndPlots() throws Exception {
        Files.writeString(dir.resolve("quick.yaml"), LabRunTest.QUICK.replace("- Charge at C/2 for 2 s",
                "- Charge at C/2 for 2 s\n  - Discharge at C/2 for 2 s"));
        Path out = dir.resolve("runs").resolve("relay");
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "quick.yaml");
            String yaml = Files.readString(dir.resolve("lab.yaml"));
            String relayOpen = yaml.replaceFirst("(?m)^(\\s+)driver: \"?keithley-2450\"?\\s*$", "$0\n$1rest: open-relay");
            assertFalse(relayOpen.equals(yaml), yaml);
            Files.writeString(dir.resolve("lab.yaml"), relayOpen);

            Console run = Console.run("run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), () -> run.out() + run.err());
            assertFalse(run.out().contains("NaN"), run.out());
        }
        try (RunReader data = RunReader.open(out)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), data.manifest().cell("cell-1").orElseThrow().outcome());
            List<Sample> samples = new ArrayList<>();
            data.samples("cell-1", samples::add);
            List<Sample> rests = samples.stream().filter(s -> s.stepIndex() == 1 || s.stepIndex() == 4).toList();
            assertFalse(rests.isEmpty());
            assertTrue(rests.stream().allMatch(s -> Double.isNaN(s.voltageVolt()) && s.currentAmpere() == 0
                    && s.powerWatt() == 0), rests.toString());
            assertTrue(samples.stream().filter(s -> s.stepIndex() == 2 || s.stepIndex() == 3)
                    .allMatch(s -> s.voltageVolt() > 2.0 && s.voltageVolt() < 3.9), samples.toString());
            assertTrue(samples.stream().allMatch(s -> Double.isFinite(s.cumulativeEnergyWh())), samples.toString());
        }
        String events = Files.readString(out.resolve("events.jsonl"));
        assertTrue(events.contains("rests with its relay open: voltage not measured until the next step"), events);

        Console csv = Console.run("data", "export", out.toString(), "--format", "csv", "-o",
                dir.resolve("csv").toString());
        assertEquals(0, csv.exitCode(), csv.err());
        try (var files = Files.walk(dir.resolve("csv"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertFalse(Files.readString(f).contains("NaN"), f + " writes a missing voltage as an empty field");
            }
        }
        Console cycles = Console.run("data", "cycles", out.toString(), "--format", "json");
        assertEquals(0, cycles.exitCode(), cycles.err());
        JsonNode cycle = new ObjectMapper().readTree(cycles.out()).get(0);
        for (String field : List.of("end_charge_voltage_volt", "end_discharge_voltage_volt", "mean_charge_voltage_volt",
                "mean_discharge_voltage_volt", "energy_efficiency")) {
            assertTrue(cycle.path(field).isNumber(), field + " is measured: " + cycle);
        }
        for (String kind : List.of("voltage", "dqdv")) {
            Console plot = Console.run("plot", out.toString(), "--kind", kind, "-o",
                    dir.resolve(kind + ".png").toString());
            assertEquals(0, plot.exitCode(), plot.out() + plot.err());
            assertTrue(Files.size(dir.resolve(kind + ".png")) > 1000, kind);
        }
    }
}
