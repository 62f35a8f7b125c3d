package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.arrow.Column;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Importers;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported file's aux channels are columns of its samples.arrows, named, with units, and
 * {@code data raw} prints them: the .ndax aux temperatures and voltages equal Neware's own BTSDA
 * export (fastnda's Parquet files, the references NewareBtsdaTest compares the reader with, read
 * by DuckDB), within its tolerances; an .mpr's and an Arbin .res's extra columns equal what the
 * readers give (MprReaderTest and ResReaderTest compare those with EC-Lab's .mpt and the Arbin
 * export).
 */
class ImportAuxColumnsTest {
    /** ndc 2: an aux voltage and temperature per record (BTSDA: V1(mV), T1(?)). */
    private static final String NDC2 = "neware/fastnda/scrubbed_ndc2.ndax";
    /** ndc 17: two aux temperatures (BTSDA: T1(?), T2(?)). */
    private static final String NDC17 = "neware/NewareNDA/nda/github/Issue94/123456789012_Unit27_Example_Data_File.ndax";

    @TempDir
    Path tmp;

    @Test
    void ndaxAuxChannelsAreColumnsThatDataRawPrintsAsBtsdaExportsThem() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ReferenceData.require(NDC2), in.resolve("ndc2.ndax"));
        Files.copy(ReferenceData.require(NDC17), in.resolve("ndc17.ndax"));
        Path run = tmp.resolve("run");
        Console c = Console.run("import", in.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());

        // ndc 2: the first aux temperature is BDF's temperature_t1_celsius, the voltage keeps its channel's name
        List<String[]> ndc2 = raw(run, "ndc2");
        List<String> header = List.of(ndc2.getFirst());
        compare(ndc2, header, "temperature_t1_celsius", 1, btsda(NDC2, "T1(?)"), 0.051);
        compare(ndc2, header, "aux1_voltage_volt", 1000, btsda(NDC2, "V1(mV)"), 0.06);
        List<String[]> ndc17 = raw(run, "ndc17");
        header = List.of(ndc17.getFirst());
        compare(ndc17, header, "temperature_t1_celsius", 1, btsda(NDC17, "T1(?)"), 0.051);
        compare(ndc17, header, "temperature_t2_celsius", 1, btsda(NDC17, "T2(?)"), 0.051);

        // the whole run's CSV has every cell's aux columns; a cell without one has it empty
        Console all = Console.run("data", "raw", run.toString(), "--format", "csv");
        List<String> allHeader = List.of(all.out().lines().findFirst().orElseThrow().split(","));
        assertTrue(allHeader.containsAll(List.of("aux1_voltage_volt", "temperature_t1_celsius", "temperature_t2_celsius")),
                allHeader.toString());
        String firstNdc17 = all.out().lines().filter(l -> l.startsWith("ndc17,")).findFirst().orElseThrow();
        assertEquals("", firstNdc17.split(",", -1)[allHeader.indexOf("aux1_voltage_volt")], "ndc17 has no aux voltage");

        // the table shows them too, with their units; the Arrow file says the units itself
        Console table = Console.run("data", "raw", run.toString(), "--cell", "ndc2");
        assertTrue(table.out().lines().findFirst().orElseThrow().contains("temperature_t1_celsius degC"), table.out());
        try (var reader = io.cellbench.daq.run.RunReader.open(run)) {
            List<Column> aux = reader.sampleAuxColumns("ndc2");
            assertEquals(List.of("aux1_voltage_volt", "temperature_t1_celsius"), aux.stream().map(Column::name).toList());
            assertEquals(List.of("V", "degC"), aux.stream().map(Column::unit).toList());
            assertEquals(List.of(), reader.sampleAuxColumns("ndc17").stream().filter(k -> k.unit().isEmpty()).toList());
        }
    }

    @Test
    void biologicAndArbinExtraColumnsAreColumnsThatDataRawPrintsAsTheReadersGiveThem() throws Exception {
        for (String ref : List.of("biologic/yadg/gcpl.issue_149.mpr", "arbin/battery-data-format/mits7-0.res.gz")) {
            Path file = ReferenceData.require(ref);
            ImportCommandTest.Rows expected = new ImportCommandTest.Rows();
            Repairs.read(Importers.forFile(file), file, expected);
            List<Column> columns = ImportAuxColumns.of(expected.metadata.auxColumns());
            assertTrue(!columns.isEmpty(), ref + " has extra columns");
            Path run = tmp.resolve("run-" + file.getFileName());
            Console c = Console.run("import", file.toString(), "--out", run.toString(), "--cell", "x");
            assertEquals(0, c.exitCode(), c.out() + c.err());
            List<String[]> rows = raw(run, "x");
            List<String> header = List.of(rows.getFirst());
            assertEquals(expected.samples.size() + 1, rows.size());
            for (int k = 0; k < columns.size(); k++) {
                int at = k;
                double[] theirs = expected.samples.stream().mapToDouble(r -> r.aux().length > at ? r.aux()[at]
                        : Double.NaN).toArray();
                compare(rows, header, columns.get(k).name(), 1, theirs, 0);
            }
        }
    }

    /**
     * {@code data export} carries an imported cell's aux columns after the sample table's: the BDF
     * CSV with their labels (BDF's "Temperature T1 / degC" for T1, the file's name and unit for an
     * aux voltage), the plain CSV with their names, the Arrow file as samples.arrows has them;
     * every value equal to samples.arrows', and a cell without aux columns gets none.
     */
    @Test
    void exportsCarryTheAuxColumnsWithTheValuesOfSamplesArrows() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ReferenceData.require(NDC2), in.resolve("ndc2.ndax"));
        Files.copy(ReferenceData.require(NDC17), in.resolve("ndc17.ndax"));
        Files.copy(ReferenceData.require("neware/fastnda/21_10_7_85.ndax"), in.resolve("plain.ndax"));
        Path run = tmp.resolve("run");
        Console c = Console.run("import", in.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        for (String format : List.of("bdf", "csv", "arrow")) {
            Path out = tmp.resolve("export-" + format);
            Console e = Console.run("data", "export", run.toString(), "--format", format, "-o", out.toString());
            assertEquals(0, e.exitCode(), e.out() + e.err());
            for (String cell : List.of("ndc2", "ndc17", "plain")) {
                List<Column> aux;
                List<double[]> stored = new ArrayList<>();
                try (var reader = io.cellbench.daq.run.RunReader.open(run)) {
                    aux = reader.sampleAuxColumns(cell);
                    reader.samples(cell, aux, (sample, values) -> stored.add(values));
                }
                assertEquals(cell.equals("plain"), aux.isEmpty(), cell + ": " + aux);
                List<double[]> exported = switch (format) {
                    case "arrow" -> arrowAux(out.resolve(cell + ".arrows"), aux);
                    default -> csvAux(out.resolve(cell + ("bdf".equals(format) ? ".bdf.csv" : ".csv")), aux,
                            "bdf".equals(format));
                };
                assertEquals(stored.size(), exported.size(), format + " " + cell + ": rows");
                for (int i = 0; i < stored.size(); i++) {
                    assertEquals(java.util.Arrays.toString(stored.get(i)), java.util.Arrays.toString(exported.get(i)),
                            format + " " + cell + " row " + i);
                }
            }
        }
        // BDF's label for T1, the file's own name for the aux voltage
        String header = Files.readAllLines(tmp.resolve("export-bdf/ndc2.bdf.csv")).getFirst();
        assertTrue(List.of(header.split(",")).contains("Temperature T1 / degC"), header);
    }

    /**
     * Two aux channels the file names alike (IFE's BTS 8.5 .ndax: AuxID 1 twice, channel types 102
     * and 1122, both imported as {@code aux1_value}) are two columns of the BDF CSV, not two
     * columns under one header, which a CSV reader renames or drops (polars read it as
     * {@code aux1_value_duplicated_0}; the alliance's validator then dropped both): the second is
     * headed by its name in samples.arrows, {@code aux1_value_2}, and holds that column's values.
     */
    @Test
    void bdfExportHeadsTwoAuxChannelsOfTheSameNameApart() throws Exception {
        Path file = ReferenceData.require("neware/cellpy/20260302_IFE_BTS85_2_9_8_1.ndax");
        Path run = tmp.resolve("run");
        Console c = Console.run("import", file.toString(), "--out", run.toString(), "--cell", "ife");
        assertEquals(0, c.exitCode(), c.out() + c.err());
        List<Column> aux;
        List<double[]> stored = new ArrayList<>();
        try (var reader = io.cellbench.daq.run.RunReader.open(run)) {
            aux = reader.sampleAuxColumns("ife");
            reader.samples("ife", aux, (sample, values) -> stored.add(values));
        }
        assertEquals(List.of("aux1_value", "temperature_t1_celsius", "aux1_value_2"),
                aux.stream().map(Column::name).toList());
        assertEquals(aux.get(0).label(), aux.get(2).label(), "the file names both channels alike");

        Path out = tmp.resolve("bdf");
        Console e = Console.run("data", "export", run.toString(), "-o", out.toString());
        assertEquals(0, e.exitCode(), e.out() + e.err());
        List<String> lines = Files.readAllLines(out.resolve("ife.bdf.csv"));
        List<String> header = List.of(lines.getFirst().split(",", -1));
        assertEquals(header.size(), new java.util.HashSet<>(header).size(), "a header repeats: " + header);
        int first = header.size() - aux.size();
        assertEquals(List.of("aux1_value", "Temperature T1 / degC", "aux1_value_2"), header.subList(first, header.size()));
        assertEquals(stored.size(), lines.size() - 1, "rows");
        for (int i = 0; i < stored.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            for (int k = 0; k < aux.size(); k++) {
                String cell = cells[first + k];
                assertEquals(Double.toString(stored.get(i)[k]), Double.toString(cell.isEmpty() ? Double.NaN
                        : Double.parseDouble(cell)), header.get(first + k) + " row " + i);
            }
        }
    }

    /**
     * An aux column that is a BDF term carries BDF's preferred label as {@code label} and
     * {@code bdf_label} in samples.arrows, as every BDF column of the file does (docs/data.md: a
     * reader takes {@code bdf_label} as the column's BDF header), not the reader's name for it
     * ("aux1_temperature_celsius / degC"); a column BDF does not define has no {@code bdf_label}.
     */
    @Test
    void anAuxColumnThatIsABdfTermHasBdfsLabelInSamplesArrows() throws Exception {
        Path run = tmp.resolve("run");
        Console c = Console.run("import", ReferenceData.require(NDC2).toString(), "--out", run.toString(), "--cell", "x");
        assertEquals(0, c.exitCode(), c.out() + c.err());
        Path samples;
        try (var files = Files.list(run.resolve("cells/x"))) {
            samples = files.filter(p -> p.getFileName().toString().equals("samples.arrows")).findFirst().orElseThrow();
        }
        java.util.Map<String, java.util.Map<String, String>> metadata = new java.util.HashMap<>();
        try (var allocator = new org.apache.arrow.memory.RootAllocator();
             var in = Files.newInputStream(samples);
             var reader = new org.apache.arrow.vector.ipc.ArrowStreamReader(in, allocator)) {
            reader.getVectorSchemaRoot().getSchema().getFields().forEach(f -> metadata.put(f.getName(), f.getMetadata()));
        }
        assertEquals("Temperature T1 / degC", metadata.get("temperature_t1_celsius").get("bdf_label"));
        assertEquals("Temperature T1 / degC", metadata.get("temperature_t1_celsius").get("label"));
        assertEquals("degC", metadata.get("temperature_t1_celsius").get("unit"));
        assertEquals(null, metadata.get("aux1_voltage_volt").get("bdf_label"), metadata.get("aux1_voltage_volt").toString());
    }

    /** The aux columns' values of each row of an exported CSV, found by label (BDF) or name; NaN where empty. */
    private static List<double[]> csvAux(Path file, List<Column> aux, boolean labels) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.getFirst().split(",", -1));
        // BDF's preferred label for a BDF term (checked as text in the test above), samples.arrows' label for any other
        List<String> wanted = aux.stream().map(k -> !labels ? k.name() : k.bdf()
                ? io.cellbench.importers.bdf.BdfTerms.get().terms().get(k.name()).label() : k.label()).toList();
        int[] at = wanted.stream().mapToInt(header::indexOf).toArray();
        for (int k = 0; k < at.length; k++) {
            assertTrue(at[k] >= 0, file + " has no column " + wanted.get(k) + ": " + header);
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.size(), cells.length, file + ": " + line);
            double[] row = new double[at.length];
            for (int k = 0; k < at.length; k++) {
                row[k] = cells[at[k]].isEmpty() ? Double.NaN : Double.parseDouble(cells[at[k]]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The aux columns' values of each row of an exported Arrow file, which must name them with their units. */
    private static List<double[]> arrowAux(Path file, List<Column> aux) throws Exception {
        List<double[]> rows = new ArrayList<>();
        try (var allocator = new org.apache.arrow.memory.RootAllocator()) {
            List<Column> own = io.cellbench.daq.arrow.ArrowSampleReader.auxColumns(List.of(file), allocator);
            assertEquals(aux, own, file.toString());
            io.cellbench.daq.arrow.ArrowSampleReader.read(List.of(file), allocator, aux, (s, values) -> rows.add(values));
        }
        return rows;
    }

    private static List<String[]> raw(Path run, String cell) {
        Console raw = Console.run("data", "raw", run.toString(), "--cell", cell, "--format", "csv");
        assertEquals(0, raw.exitCode(), raw.err());
        return raw.out().lines().map(l -> l.split(",", -1)).toList();
    }

    private static void compare(List<String[]> rows, List<String> header, String column, double scale, double[] expected,
                                double tolerance) {
        assertEquals(expected.length + 1, rows.size(), column + ": rows");
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            double ours = ImportCommandTest.value(rows.get(i + 1), header, column) * scale;
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(ours), column + " row " + i + ": " + ours + " where the reference has none");
                continue;
            }
            assertEquals(expected[i], ours, tolerance + 1e-9 * Math.abs(expected[i]), column + " row " + i);
            compared++;
        }
        assertTrue(compared > 0, column + ": no value compared");
    }

    /** A column of the BTSDA export fastnda pairs with {@code ndax} (under neware/fastnda/). */
    static double[] btsda(String ndax, String column) throws Exception {
        String stem = Path.of(ndax).getFileName().toString().replace(".ndax", "").replace("123456789012_", "");
        Path parquet = ReferenceData.require("neware/fastnda/" + stem + ".parquet");
        List<Double> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement q = db.prepareStatement("SELECT CAST(\"" + column + "\" AS DOUBLE) FROM read_parquet(?)")) {
            q.setString(1, parquet.toString());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    double v = r.getDouble(1);
                    values.add(r.wasNull() ? Double.NaN : v);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
