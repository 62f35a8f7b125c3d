package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.arrow.ArrowSpectrumReader;
import io.cellbench.daq.arrow.SampleColumns;
import io.cellbench.daq.run.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data raw}, {@code eis} and {@code export} on a run directory, checked against the Arrow files. */
class DataCommandsTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void record() throws Exception {
        run = ShortRun.record(tmp);
    }

    static List<Sample> samples(String cell) throws Exception {
        List<Sample> rows = new ArrayList<>();
        try (RunReader reader = RunReader.open(run)) {
            reader.samples(cell, rows::add);
        }
        return rows;
    }

    /**
     * run.json lists the cells in the order their threads started, which differs from run to run;
     * without --cell, data printed them in that order. It prints them in the schedule's order.
     */
    @Test
    void withoutCellTheCellsComeInTheScheduleOrderWhateverRunJsonSays() throws Exception {
        Path copy = tmp.resolve("reordered");
        try (var files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path to = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode manifest =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(copy.resolve("run.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode cells = (com.fasterxml.jackson.databind.node.ArrayNode) manifest.get("cells");
        List<JsonNode> reversed = new ArrayList<>();
        cells.forEach(reversed::add);
        java.util.Collections.reverse(reversed);
        cells.removeAll();
        cells.addAll(reversed);
        json.writeValue(copy.resolve("run.json").toFile(), manifest);
        for (String command : List.of("cycles", "raw", "eis")) {
            Console c = Console.run("data", command, copy.toString(), "--format", "csv");
            assertEquals(0, c.exitCode(), c.err());
            List<String> order = c.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
            assertEquals(ShortRun.CELLS, order, "data " + command);
        }
    }

    @Test
    void bdfVersion12KeepsTheLayoutOlderReadersKnow() throws Exception {
        Path out = tmp.resolve("bdf-1.2");
        Console c = Console.run("data", "export", run.toString(), "--bdf-version", "1.2", "-o", out.toString());
        assertEquals(0, c.exitCode(), c.err());
        String cell = ShortRun.CELLS.getFirst();
        List<String> lines = Files.readAllLines(out.resolve(cell + ".bdf.csv"));
        assertEquals("Test Time / s,Unix Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1,"
                + "Step Index / 1,Charging Capacity / Ah,Discharging Capacity / Ah,Step Capacity / Ah,"
                + "Net Capacity / Ah,Cumulative Capacity / Ah,Charging Energy / Wh,Discharging Energy / Wh,"
                + "Step Energy / Wh,Net Energy / Wh,Cumulative Energy / Wh,Power / W,Applied Pressure / Pa,"
                + "Ambient Temperature / degC", lines.getFirst());
        List<Sample> expected = samples(cell);
        for (int i = 0; i < expected.size(); i++) {
            String[] v = lines.get(i + 1).split(",", -1);
            // before 1.3 "Charging Capacity" restarted each cycle, and "Step Index" was the program step
            assertEquals(expected.get(i).chargingCapacityAh(), Double.parseDouble(v[7]), "row " + i);
            assertEquals(expected.get(i).stepIndex(), Integer.parseInt(v[6]), "row " + i);
        }
        // the spectra beside it follow the version too: the program step is "Step Index" there as well
        List<String> spectra = Files.readAllLines(out.resolve(cell + ".eis.bdf.csv"));
        List<String> header = List.of(spectra.getFirst().split(",", -1));
        assertTrue(header.contains("Step Index / 1") && !header.contains("Step ID"), header.toString());
        List<Spectrum> sweeps;
        try (RunReader reader = RunReader.open(run)) {
            sweeps = reader.spectra(cell);
        }
        String[] first = spectra.get(1).split(",", -1);
        assertEquals(sweeps.getFirst().stepIndex(), Integer.parseInt(first[header.indexOf("Step Index / 1")]));
        Console bad = Console.run("data", "export", run.toString(), "--bdf-version", "0.9", "-o", out.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("cellbench writes 1.2.0, 1.3.0"), bad.err());
    }

    @Test
    void bdfExportHasThePreferredLabelsAndEveryValueOfTheArrowFiles() throws Exception {
        Path out = tmp.resolve("bdf");
        Console c = Console.run("data", "export", run.toString(), "--format", "bdf", "-o", out.toString());
        assertEquals(0, c.exitCode(), c.err());
        for (String cell : ShortRun.CELLS) {
            List<String> lines = Files.readAllLines(out.resolve(cell + ".bdf.csv"));
            assertEquals("Test Time / s,Unix Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1,"
                    + "Step ID,Step Record Index / 1,Charging Capacity / Ah,Discharging Capacity / Ah,"
                    + "Cycle Charging Capacity / Ah,Cycle Discharging Capacity / Ah,Step Cumulative Capacity / Ah,"
                    + "Net Capacity / Ah,Cumulative Capacity / Ah,Charging Energy / Wh,Discharging Energy / Wh,"
                    + "Cycle Charging Energy / Wh,Cycle Discharging Energy / Wh,Step Cumulative Energy / Wh,"
                    + "Net Energy / Wh,Cumulative Energy / Wh,Power / W,Applied Pressure / Pa,"
                    + "Ambient Temperature / degC", lines.getFirst());
            assertEquals(SampleColumns.ALL.stream().map(col -> col.label()).toList(),
                    List.of(lines.getFirst().split(",")));
            List<Sample> expected = samples(cell);
            assertTrue(expected.size() > 300, cell + " has " + expected.size() + " samples");
            assertEquals(expected.size() + 1, lines.size(), cell);
            for (int i = 0; i < expected.size(); i++) {
                String[] v = lines.get(i + 1).split(",", -1);
                assertEquals(SampleFields.ALL.size(), v.length);
                for (int k = 0; k < v.length; k++) {
                    Object want = SampleFields.ALL.get(k).value().apply(expected.get(i));
                    if (want instanceof Integer n) {
                        assertEquals(n.intValue(), Integer.parseInt(v[k]), cell + " row " + i + " column " + k);
                    } else {
                        double d = (Double) want;
                        assertEquals(d, v[k].isEmpty() ? Double.NaN : Double.parseDouble(v[k]),
                                cell + " row " + i + " column " + k); // exact: the text reads back to the same double
                        assertFalse(v[k].contains("E"), v[k]);
                    }
                }
            }
        }
        assertTrue(c.out().contains("coin-1: "), c.out());
        Console again = Console.run("data", "export", run.toString(), "-o", out.toString());
        assertEquals(2, again.exitCode(), "existing files are not overwritten");
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void csvAndArrowExportsHoldTheSameRowsAsTheRunDirectory() throws Exception {
        Path out = tmp.resolve("arrow");
        assertEquals(0, Console.run("data", "export", run.toString(), "--format", "arrow", "-o", out.toString()).exitCode());
        Path csv = tmp.resolve("csv");
        assertEquals(0, Console.run("data", "export", run.toString(), "--format", "csv", "--cell", "coin-3",
                "-o", csv.toString()).exitCode());
        List<Sample> back = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            ArrowSampleReader.read(List.of(out.resolve("coin-2.arrows")), allocator, back::add);
        }
        assertEquals(samples("coin-2"), back);
        List<String> lines = Files.readAllLines(csv.resolve("coin-3.csv"));
        assertTrue(lines.getFirst().startsWith("test_time_second,unix_time_second,voltage_volt,current_ampere"));
        assertEquals(samples("coin-3").size() + 1, lines.size());
        assertFalse(Files.exists(csv.resolve("coin-1.csv")), "--cell limits the export");
    }

    @Test
    void rawFiltersByCycleAndTestTime() throws Exception {
        Console c = Console.run("data", "raw", run.toString(), "--cell", "coin-1", "--cycles", "2..2",
                "--from", "3600", "--to", "7200", "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        long expected = samples("coin-1").stream()
                .filter(s -> s.cycleCount() == 2 && s.testTimeSecond() >= 3600 && s.testTimeSecond() < 7200).count();
        List<String> lines = c.out().lines().toList();
        assertTrue(expected > 10, "the window holds samples: " + expected);
        assertEquals(expected + 1, lines.size());
        assertTrue(lines.getFirst().startsWith("cell,test_time_second,"), lines.getFirst());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("coin-1,")));

        List<Sample> all = samples("coin-2");
        Sample middle = all.get(all.size() / 2);
        String at = java.time.Instant.ofEpochMilli((long) Math.ceil(middle.unixTimeSecond() * 1000)).toString();
        Console json = Console.run("data", "raw", run.toString(), "--cell", "coin-2", "--from", at, "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode array = new ObjectMapper().readTree(json.out());
        long later = all.stream().filter(s -> s.unixTimeSecond() >= Math.ceil(middle.unixTimeSecond() * 1000) / 1000).count();
        assertEquals(later, array.size());

        Console table = Console.run("data", "raw", run.toString(), "--cell", "coin-1", "--cycles", "1");
        assertTrue(table.out().lines().findFirst().orElseThrow().contains("V"), table.out());

        Console bad = Console.run("data", "raw", run.toString(), "--from", "yesterday");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--from takes test time in seconds"), bad.err());
    }

    @Test
    void rawArrowWritesOneCellWithTheSamplesSchema() throws Exception {
        Path file = tmp.resolve("one.arrows");
        Console many = Console.run("data", "raw", run.toString(), "--format", "arrow", "-o", file.toString());
        assertEquals(2, many.exitCode());
        assertTrue(many.err().contains("--cell"), many.err());
        assertEquals(0, Console.run("data", "raw", run.toString(), "--cell", "coin-1", "--cycles", "2..",
                "--format", "arrow", "-o", file.toString()).exitCode());
        List<Sample> back = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            ArrowSampleReader.read(List.of(file), allocator, back::add);
        }
        assertEquals(samples("coin-1").stream().filter(s -> s.cycleCount() >= 2).toList(), back);
    }

    @Test
    void eisPrintsEveryPointWithModulusAndPhase() throws Exception {
        List<Spectrum> spectra;
        try (RunReader reader = RunReader.open(run)) {
            spectra = reader.spectra("coin-2");
        }
        assertEquals(2, spectra.size());
        Console c = Console.run("data", "eis", run.toString(), "--cell", "coin-2", "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        List<String> lines = c.out().lines().toList();
        assertEquals("cell,spectrum_index,point_index,test_time_second,unix_time_second,cycle_count,step_count,"
                + "step_id,frequency_hertz,real_impedance_ohm,imaginary_impedance_ohm,absolute_impedance_ohm,phase_degree,"
                + "applied_pressure_pa,"
                + "ambient_temperature_celsius", lines.getFirst());
        int points = spectra.stream().mapToInt(s -> s.points().size()).sum();
        assertEquals(points + 1, lines.size());
        String[] first = lines.get(1).split(",");
        var p = spectra.getFirst().points().getFirst();
        assertEquals(p.frequencyHz(), Double.parseDouble(first[8]));
        assertEquals(p.zRealOhm(), Double.parseDouble(first[9]));
        assertEquals(p.zImagOhm(), Double.parseDouble(first[10]));
        assertEquals(Math.hypot(p.zRealOhm(), p.zImagOhm()), Double.parseDouble(first[11]), 1e-12);
        assertTrue(Double.parseDouble(first[12]) < 0, "capacitive: negative phase");

        Path file = tmp.resolve("eis.arrows");
        assertEquals(0, Console.run("data", "eis", run.toString(), "--cell", "coin-2", "--format", "arrow",
                "-o", file.toString()).exitCode());
        List<Spectrum> back = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            ArrowSpectrumReader.read(List.of(file), allocator, (i, s) -> back.add(s));
        }
        assertEquals(spectra, back);
        int last = spectra.getLast().cycleCount();
        assertTrue(last > spectra.getFirst().cycleCount(), "the sweeps are in different cycles");
        Console lastCycle = Console.run("data", "eis", run.toString(), "--cell", "coin-2", "--cycles", last + "..",
                "--format", "json");
        assertEquals(spectra.getLast().points().size(), new ObjectMapper().readTree(lastCycle.out()).size(),
                "the final sweep only");
        Console bdf = Console.run("data", "eis", run.toString(), "--format", "bdf", "-o", tmp.toString());
        assertEquals(2, bdf.exitCode());
    }
}
