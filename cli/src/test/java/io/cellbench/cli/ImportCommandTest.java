package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.SourceFile;
import io.cellbench.importers.biologic.MprReader;
import io.cellbench.importers.neware.NdaxReader;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellbench import} on public reference files: the run directory it writes is read by
 * {@code data} (raw, cycles, eis) and {@code plot} exactly as a recorded run, row for row what the
 * reader and its repairs give (the readers themselves are proven against the reference readers'
 * expected outputs in the importers module), and run.json says where it came from.
 */
class ImportCommandTest {
    private static final String NDAX = "neware/NewareNDA/nda/github/Issue5/test_2.ndax";
    private static final String PEIS = "biologic/aurora-cycler-manager/PEIS.mpr";

    @TempDir
    Path tmp;

    /** What the reader and the repairs give, as the import sees it. */
    static final class Rows implements RecordSink {
        final List<CyclerRecord> samples = new ArrayList<>();
        final List<ImpedanceRecord> points = new ArrayList<>();
        ImportMetadata metadata;

        @Override
        public void begin(ImportMetadata m) {
            metadata = m;
        }

        @Override
        public void sample(CyclerRecord record) {
            samples.add(record);
        }

        @Override
        public void impedance(ImpedanceRecord point) {
            points.add(point);
        }
    }

    @Test
    void anNdaxBecomesARunThatDataAndPlotRead() throws Exception {
        Path file = ReferenceData.require(NDAX);
        Path run = tmp.resolve("runs/cell7");
        Console c = Console.run("import", file.toString(), "--out", run.toString(), "--cell", "cell7");
        assertEquals(0, c.exitCode(), c.out() + c.err());
        assertTrue(c.out().contains("repair counters-to-totals"), "every repair is said: " + c.out());

        Rows expected = new Rows();
        Repairs.read(new NdaxReader(), file, expected);
        Console raw = Console.run("data", "raw", run.toString(), "--format", "csv");
        assertEquals(0, raw.exitCode(), raw.err());
        List<String> lines = raw.out().lines().toList();
        assertEquals(expected.samples.size() + 1, lines.size());
        List<String> header = List.of(lines.getFirst().split(","));
        for (int i : new int[] {0, 1, 777, 54_321, expected.samples.size() - 1}) {
            String[] row = lines.get(i + 1).split(",", -1);
            CyclerRecord r = expected.samples.get(i);
            assertEquals(r.testTimeSecond(), value(row, header, "test_time_second"), 1e-9, "row " + i);
            assertEquals(r.voltageVolt(), value(row, header, "voltage_volt"), 1e-12, "row " + i);
            assertEquals(r.currentAmpere(), value(row, header, "current_ampere"), 1e-12, "row " + i);
            assertEquals(r.cycleCount(), (int) value(row, header, "cycle_count"), "row " + i);
            assertEquals(r.stepId(), (int) value(row, header, "step_id"), "row " + i);
            // BDF 1.3's charging/discharging capacity and energy are the totals since the start
            assertEquals(r.chargingCapacityAh(), value(row, header, "charging_capacity_ah"), 1e-12, "row " + i);
            assertEquals(r.dischargingCapacityAh(), value(row, header, "discharging_capacity_ah"), 1e-12, "row " + i);
            assertEquals(r.chargingEnergyWh(), value(row, header, "charging_energy_wh"), 1e-12, "row " + i);
            assertEquals(r.dischargingEnergyWh(), value(row, header, "discharging_energy_wh"), 1e-12, "row " + i);
            // totals since the start (the repairs') are net and cumulative in the run's convention
            assertEquals(r.chargingCapacityAh() + r.dischargingCapacityAh(),
                    value(row, header, "cumulative_capacity_ah"), 1e-12, "row " + i);
            assertEquals(r.chargingCapacityAh() - r.dischargingCapacityAh(),
                    value(row, header, "net_capacity_ah"), 1e-12, "row " + i);
        }
        // the Step Record Index counts the rows of each step: 1 where step_count moves, else one more
        double previousStep = Double.NaN;
        double previousRecord = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",", -1);
            double step = value(row, header, "step_count");
            double record = value(row, header, "step_record_index");
            assertEquals(step == previousStep ? previousRecord + 1 : 1, record, "row " + (i - 1));
            previousStep = step;
            previousRecord = record;
        }

        // cycles through the live runs' computation: one row per cycle, its capacity the cycle's own
        Console cycles = Console.run("data", "cycles", run.toString(), "--format", "csv");
        assertEquals(0, cycles.exitCode(), cycles.err());
        TreeMap<Integer, double[]> perCycle = new TreeMap<>();
        for (CyclerRecord r : expected.samples) {
            perCycle.computeIfAbsent(r.cycleCount(), k -> new double[] {r.chargingCapacityAh(), 0})[1] =
                    r.chargingCapacityAh();
        }
        List<String> cycleLines = cycles.out().lines().toList();
        assertEquals(perCycle.size() + 1, cycleLines.size(), cycles.out());
        List<String> cycleHeader = List.of(cycleLines.getFirst().split(","));
        double before = 0;
        for (int k = 1; k < cycleLines.size(); k++) {
            String[] row = cycleLines.get(k).split(",", -1);
            var e = new ArrayList<>(perCycle.entrySet()).get(k - 1);
            assertEquals(e.getKey(), (int) value(row, cycleHeader, "cycle_count"));
            assertEquals(e.getValue()[1] - before, value(row, cycleHeader, "charge_capacity_ah"), 1e-12, "cycle " + k);
            before = e.getValue()[1];
        }

        // events.jsonl: a step ends at its own last row, where the next begins at its first
        int next = 1;
        while (expected.samples.get(next).stepId() == expected.samples.getFirst().stepId()) {
            next++;
        }
        List<JsonNode> steps = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            JsonNode e = new ObjectMapper().readTree(line);
            if (e.path("type").asText().startsWith("Step")) {
                steps.add(e);
            }
        }
        assertEquals("StepEnded", steps.get(1).path("type").asText());
        assertEquals(expected.samples.get(next - 1).testTimeSecond(), steps.get(1).path("test_time_second").asDouble());
        assertEquals(expected.samples.get(next).testTimeSecond(), steps.get(2).path("test_time_second").asDouble());

        JsonNode cell = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("cells").get(0);
        assertEquals("cell7", cell.path("id").asText());
        // the import's annotations rewrite run.json: its numbers stay as every file writes them (docs/data.md)
        String runJson = Files.readString(run.resolve("run.json"));
        assertTrue(!java.util.regex.Pattern.compile(":\\s*\"?-?[0-9.]+[eE][-+]?[0-9]+\"?\\s*[,}\\n]").matcher(runJson).find(), runJson);
        JsonNode imported = cell.path("import");
        assertEquals(file.toAbsolutePath().normalize().toString(), imported.path("source_file").asText());
        assertEquals(SourceFile.of(file).sha256(), imported.path("source_sha256").asText());
        assertEquals("neware-ndax", imported.path("reader").asText());
        assertTrue(imported.path("instrument").asText().startsWith("Neware"), imported.toString());
        assertEquals("counters-to-totals", imported.path("repairs").get(0).path("kind").asText());
        assertTrue(cell.path("protocol_source").asText().contains("Step File"), "the Step.xml is the source program");

        Path png = tmp.resolve("voltage.png");
        Console plot = Console.run("plot", run.toString(), "--cell", "cell7", "--kind", "voltage", "-o", png.toString());
        assertEquals(0, plot.exitCode(), plot.err());
        assertTrue(Files.size(png) > 1000);
        assertEquals(List.of(run), siblings(run.getParent()), "nothing but --out is left beside it");
    }

    @Test
    void peisSweepsBecomeSpectraThatDataEisReads() throws Exception {
        Path file = ReferenceData.require(PEIS);
        Path run = tmp.resolve("peis");
        Console c = Console.run("import", file.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        Rows expected = new Rows();
        Repairs.read(new MprReader(), file, expected);
        long sweeps = expected.points.stream().mapToInt(ImpedanceRecord::sweep).distinct().count();
        assertTrue(sweeps > 1, "a file of several sweeps: " + sweeps);

        Console eis = Console.run("data", "eis", run.toString(), "--cell", "PEIS", "--format", "csv");
        assertEquals(0, eis.exitCode(), eis.err());
        List<String> lines = eis.out().lines().toList();
        assertEquals(expected.points.size() + 1, lines.size());
        List<String> header = List.of(lines.getFirst().split(","));
        for (int i = 0; i < expected.points.size(); i++) {
            String[] row = lines.get(i + 1).split(",", -1);
            ImpedanceRecord p = expected.points.get(i);
            assertEquals(p.frequencyHz(), value(row, header, "frequency_hertz"), 1e-9 * p.frequencyHz(), "point " + i);
            assertEquals(p.zRealOhm(), value(row, header, "real_impedance_ohm"), 1e-12, "point " + i);
            assertEquals(p.zImagOhm(), value(row, header, "imaginary_impedance_ohm"), 1e-12, "point " + i);
        }
        assertEquals(sweeps, lines.stream().skip(1).map(l -> l.split(",")[header.indexOf("spectrum_index")])
                .distinct().count());
    }

    @Test
    void aDirectoryImportsEachFileAsACell() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("old-data"));
        Files.copy(ReferenceData.require(NDAX), in.resolve("a.ndax"));
        Files.copy(ReferenceData.require(PEIS), in.resolve("b.mpr"));
        Path run = tmp.resolve("archive");
        Console c = Console.run("import", in.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        Console cells = Console.run("data", "cycles", run.toString(), "--cell", "a", "--format", "csv");
        assertEquals(0, cells.exitCode(), cells.err());
        Console eis = Console.run("data", "eis", run.toString(), "--cell", "b", "--format", "csv");
        assertEquals(0, eis.exitCode(), eis.err());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals(2, manifest.path("cells").size());
        assertEquals("biologic-mpr", manifest.path("cells").get(1).path("import").path("reader").asText());
    }

    @Test
    void aDirectorysStrayFilesAreSkippedAndSaidSoWhileItsBrokenVendorFilesStopTheImport() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("old-data"));
        Files.copy(ReferenceData.require(NDAX), in.resolve("a.ndax"));
        Path readme = Files.writeString(in.resolve("README.txt"), "Cells of the 2024 campaign, see lab book p. 12\n");
        Path notes = Files.writeString(in.resolve("notes.csv"), "cell,comment\na,fine\n");
        Path thumbs = Files.write(in.resolve("Thumbs.db"), new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
        Path dsStore = Files.write(in.resolve(".DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
        Path older = Files.createDirectories(in.resolve("older"));
        Files.copy(ReferenceData.require(PEIS), older.resolve("c.mpr"));
        Path linked = Files.createSymbolicLink(in.resolve("b-linked.mpr"), ReferenceData.require(PEIS));
        Path broken = Files.createSymbolicLink(in.resolve("d-broken.ndax"), tmp.resolve("gone.ndax"));
        Path run = tmp.resolve("archive");
        Console c = Console.run("import", in.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        for (Path stray : List.of(readme, notes, thumbs)) {
            assertTrue(c.out().contains(stray + ": skipped: not a battery data file"), c.out());
        }
        assertTrue(c.out().contains(dsStore + ": skipped: a hidden file"), c.out());
        assertTrue(c.out().contains(older + ": skipped: a directory"), c.out());
        assertTrue(c.out().contains(broken + ": skipped: not a file"), c.out());
        assertTrue(c.out().contains("2 files, "), c.out());
        assertTrue(c.out().contains("; 6 entries skipped, each said above"), c.out());
        JsonNode cells = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("cells");
        assertEquals(2, cells.size(), "a stray file is no cell, a link to a vendor file is one: " + cells);
        assertEquals(List.of("a", "b-linked"), List.of(cells.get(0).path("id").asText(), cells.get(1).path("id").asText()));
        assertTrue(linked.toString().endsWith(".mpr"));

        // a file named as a vendor file is one: broken, it still stops the import, by its name
        Path fake = Files.writeString(in.resolve("b0.ndax"), "not a zip at all");
        Path out = tmp.resolve("archive2");
        Console bad = Console.run("import", in.toString(), "--out", out.toString());
        assertEquals(UserErrors.BAD_INPUT, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().startsWith("error: " + fake + ": not a neware-ndax file"), bad.err());
        assertFalse(Files.exists(out));

        // given by name, a file no reader knows is an error, not a skip: it was asked for
        Console named = Console.run("import", readme.toString(), "--out", tmp.resolve("archive3").toString());
        assertEquals(UserErrors.BAD_INPUT, named.exitCode(), named.out() + named.err());
        assertTrue(named.err().contains(readme + ": "), named.err());

        // a directory of nothing but stray files imports nothing
        Path strays = Files.createDirectories(tmp.resolve("strays"));
        Files.copy(readme, strays.resolve("README.txt"));
        Console none = Console.run("import", strays.toString(), "--out", tmp.resolve("archive4").toString());
        assertEquals(UserErrors.BAD_INPUT, none.exitCode(), none.out() + none.err());
        assertTrue(none.err().contains(strays + ": the directory holds no battery data file"), none.err());
    }

    @Test
    void aGzippedArbinDatabaseIsUnpackedUnderOutAndLeavesNothingThere() throws Exception {
        Path run = tmp.resolve("arbin");
        Console c = Console.run("import", ReferenceData.require("arbin/battery-data-format/mits7-0.res.gz").toString(),
                "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        Console raw = Console.run("data", "raw", run.toString(), "--format", "csv");
        assertEquals(9, raw.out().lines().count(), raw.out());
        assertEquals(List.of("cells", "events.jsonl", "run.json"),
                siblings(run).stream().map(p -> p.getFileName().toString()).toList(), "no unpacked database is left");
        assertEquals(List.of(run), siblings(tmp));
        // the file's own nominal capacity, in run.json and in the Arrow files' metadata
        Rows expected = new Rows();
        new io.cellbench.importers.arbin.ResReader().read(ReferenceData.require("arbin/battery-data-format/mits7-0.res.gz"),
                expected);
        double nominal = Double.parseDouble(expected.metadata.properties().get("nominal_capacity_ah"));
        JsonNode cell = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("cells").get(0);
        assertEquals(nominal, cell.path("nominal_capacity_ah").asDouble());
        assertTrue(cell.path("notes").asText().endsWith("nominal capacity as the file gives it"), cell.toString());
        try (var reader = io.cellbench.daq.run.RunReader.open(run);
             var allocator = new org.apache.arrow.memory.RootAllocator()) {
            assertEquals(io.cellbench.core.format.Decimals.plain(nominal), io.cellbench.daq.run.ManifestRebuild.schemaMetadata(
                    reader.sampleSegments("mits7-0").getFirst(), allocator)
                    .get(io.cellbench.daq.run.RunMetadata.CELL_NOMINAL_CAPACITY_AH));
        }
    }

    @Test
    void aCorruptFileWritesNothingEvenAfterAGoodOne() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ReferenceData.require(NDAX), in.resolve("a-good.ndax"));
        byte[] whole = Files.readAllBytes(ReferenceData.require(NDAX));
        Path cut = Files.write(in.resolve("b-cut.ndax"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path out = tmp.resolve("out/run");
        Console c = Console.run("import", in.toString(), "--out", out.toString());
        assertEquals(UserErrors.BAD_INPUT, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().startsWith("error: " + cut + ": "), c.err());
        assertTrue(c.err().contains("nothing was written to " + out), c.err());
        assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), siblings(out.getParent()), "no temporary directory is left");
    }

    @Test
    void aBrokenStepXmlIsCellbenchsWarningByLineAndColumnNotTheParsersFatalError() throws Exception {
        Path file = Files.copy(ReferenceData.require(NDAX), tmp.resolve("c1.ndax"));
        try (var zip = java.nio.file.FileSystems.newFileSystem(file)) {
            Files.writeString(zip.getPath("Step.xml"), "<?xml version=\"1.0\"?>\n<root><config>\n</root>\n");
        }
        Path out = tmp.resolve("run");
        Console c = Console.run("import", file.toString(), "--out", out.toString());
        assertEquals(0, c.exitCode(), "metadata is a courtesy, the records are imported: " + c.out() + c.err());
        assertFalse(c.err().contains("[Fatal Error]"), c.err());
        assertFalse(c.out().contains("[Fatal Error]"), c.out());
        assertTrue(c.out().contains("warning metadata: " + file + " Step.xml:3:3: not readable XML ("), c.out());
    }

    @Test
    void anEmptyTestIsRefusedByName() throws Exception {
        Path file = ReferenceData.require("neware/fastnda/empty.ndax");
        Path out = tmp.resolve("empty");
        Console c = Console.run("import", file.toString(), "--out", out.toString());
        assertEquals(UserErrors.BAD_INPUT, c.exitCode(), c.err());
        assertTrue(c.err().contains(file + ": an empty test"), c.err());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), siblings(tmp), "no temporary directory is left");
    }

    @Test
    void anOutThatHoldsDataIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Path mine = Files.writeString(out.resolve("notes.txt"), "mine");
        Console c = Console.run("import", ReferenceData.require(NDAX).toString(), "--out", out.toString());
        assertEquals(UserErrors.BAD_INPUT, c.exitCode(), c.err());
        assertTrue(c.err().contains(out + " already holds data"), c.err());
        assertEquals(List.of(mine), siblings(out));
        Console two = Console.run("import", ReferenceData.require(NDAX).toString(), ReferenceData.require(PEIS).toString(),
                "--out", tmp.resolve("new").toString(), "--cell", "x");
        assertEquals(UserErrors.BAD_INPUT, two.exitCode());
        assertTrue(two.err().contains("--cell names one cell, but 2 files"), two.err());
    }

    static double value(String[] row, List<String> header, String column) {
        int i = header.indexOf(column);
        assertTrue(i >= 0, column + " in " + header);
        return row[i].isEmpty() ? Double.NaN : Double.parseDouble(row[i]);
    }

    static List<Path> siblings(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
