package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.run.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end, as a new user runs it: it must complete, and its numbers must make
 * physical sense to a battery researcher.
 */
class DemoTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Console console;

    @BeforeAll
    static void runDemo() {
        run = tmp.resolve("demo");
        console = Console.run("demo", "--out", run.toString());
    }

    @Test
    void completesAndSaysWhereTheFilesAre() {
        assertEquals(0, console.exitCode(), console.err());
        assertTrue(console.out().contains("Per-cycle summary"), console.out());
        assertTrue(console.out().contains("Run directory: " + run.toAbsolutePath().normalize()), console.out());
        for (String cell : List.of("coin-60MPa", "coin-15MPa", "pouch-5MPa", "pouch-1MPa")) {
            assertTrue(Files.isRegularFile(run.resolve("cells").resolve(cell).resolve("samples.arrows")), cell);
            assertTrue(Files.isRegularFile(run.resolve("cells").resolve(cell).resolve("spectra.arrows")), cell);
        }
        assertTrue(Files.isRegularFile(run.resolve("inputs/schedule.yaml")));
    }

    @Test
    void capacitiesAndEfficienciesArePhysical() throws Exception {
        try (RunReader reader = RunReader.open(run)) {
            for (String cell : reader.cells()) {
                double nominalAh = cell.startsWith("coin") ? 0.002 : 0.300;
                List<CycleSummary> cycles = reader.cycles(cell);
                assertTrue(cycles.size() >= 21, cell + ": " + cycles.size() + " cycles");
                CycleSummary formation = cycles.get(0);
                // C/20 delivers close to the nominal capacity.
                assertEquals(1.0, formation.dischargeCapacityAh() / nominalAh, 0.08, cell + " C/20 capacity");
                // The first charge builds the interphases: clearly below 100 %.
                assertTrue(formation.coulombicEfficiency() < 0.95, cell + " formation CE " + formation.coulombicEfficiency());
                for (CycleSummary c : cycles.subList(2, 21)) {
                    // C/3 delivers less than C/20, and after formation no cycle gives back more than it took.
                    assertTrue(c.dischargeCapacityAh() < 0.97 * formation.dischargeCapacityAh(), cell + " cycle " + c.cycleCount());
                    assertTrue(c.coulombicEfficiency() <= 1.0 && c.coulombicEfficiency() > 0.99,
                            cell + " cycle " + c.cycleCount() + " CE " + c.coulombicEfficiency());
                    assertTrue(c.energyEfficiency() < c.coulombicEfficiency(), cell + " EE below CE");
                }
                // Slow fade: the last C/3 cycle below the first.
                assertTrue(cycles.get(20).dischargeCapacityAh() < cycles.get(2).dischargeCapacityAh(), cell + " fade");
            }
        }
    }

    @Test
    void lowerStackPressureMeansHigherInterfacialResistance() throws Exception {
        try (RunReader reader = RunReader.open(run)) {
            assertTrue(firstArc(reader, "coin-15MPa") > 1.1 * firstArc(reader, "coin-60MPa"));
            assertTrue(firstArc(reader, "pouch-1MPa") > 1.1 * firstArc(reader, "pouch-5MPa"));
            List<Spectrum> spectra = reader.spectra("coin-60MPa");
            assertEquals(6, spectra.size(), "EIS after rest, after formation and every 5 cycles");
            assertTrue(RunSummary.arcResistance(spectra.getLast()) > RunSummary.arcResistance(spectra.get(1)),
                    "the interface grows with cycling");
        }
    }

    private static double firstArc(RunReader reader, String cell) throws Exception {
        return RunSummary.arcResistance(reader.spectra(cell).getFirst());
    }

    @Test
    void samplesOpenInArrowsJavaScriptReaderWithTheSameRows() throws Exception {
        Path file = run.resolve("cells/pouch-5MPa/samples.arrows");
        AtomicLong rows = new AtomicLong();
        try (RunReader reader = RunReader.open(run)) {
            reader.samples("pouch-5MPa", s -> rows.incrementAndGet());
        }
        Path script = Path.of("..", "scripts", "arrow-js", "read-arrow.mjs").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(script.getParent().resolve("node_modules/apache-arrow")),
                "apache-arrow (npm) is missing: run ./run-tests, which installs it");
        Process p = new ProcessBuilder("node", script.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        JsonNode summary = new ObjectMapper().readTree(out);
        assertEquals(rows.get(), summary.get("rows").asLong());
        assertEquals("voltage_volt", summary.get("fields").get(2).get("name").asText());
        assertEquals("V", summary.get("fields").get(2).get("metadata").get("unit").asText());
    }

    @Test
    void dataCyclesReadsTheSameSummaryBack() throws Exception {
        Console csv = Console.run("data", "cycles", run.toString(), "--cell", "coin-60MPa", "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("cell,cycle_count,charge_capacity_ah,discharge_capacity_ah"), lines.getFirst());
        assertTrue(lines.size() >= 22, "header and 21+ cycles");
        try (RunReader reader = RunReader.open(run)) {
            CycleSummary first = reader.cycles("coin-60MPa").getFirst();
            String[] row = lines.get(1).split(",");
            assertEquals(first.dischargeCapacityAh(), Double.parseDouble(row[3]), 1e-12);
        }
        Console json = Console.run("data", "cycles", run.toString(), "--cycles", "2..3", "--format", "json");
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertEquals(8, array.size(), "4 cells x 2 cycles");
        Console bad = Console.run("data", "cycles", run.toString(), "--cell", "nope");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("has no cell 'nope'"), bad.err());
    }
}
