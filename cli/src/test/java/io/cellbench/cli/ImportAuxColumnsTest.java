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
    private static double[] btsda(String ndax, String column) throws Exception {
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
