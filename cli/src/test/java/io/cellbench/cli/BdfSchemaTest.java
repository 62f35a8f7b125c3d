package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BDF export against the Battery Data Format's own table schema (ontology release 1.3.0,
 * schema/schema.json): every column of the exported files is a current (not deprecated) BDF
 * term with its label and unit, and the rows keep the rules the alliance's validator checks:
 * running totals never decrease, net = charging − discharging, cumulative = charging +
 * discharging, and Step Record Index counts
 * 1, 2, 3 … within each step.
 */
class BdfSchemaTest {
    /** The schema's UCUM unit codes as BDF's labels (and cellbench's terms) spell them. */
    private static final Map<String, String> LABEL_UNITS = Map.of("A.h", "Ah", "W.h", "Wh", "Cel", "degC");

    @TempDir
    static Path tmp;
    static Path run;
    static Path export;
    static Map<String, JsonNode> schemaByName = new HashMap<>();
    static Map<String, JsonNode> schemaByLabel = new HashMap<>();

    @BeforeAll
    static void exportShortRun() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ReferenceData.require("bdf/schema-1.3.0.json").toFile());
        assertEquals("1.3.0", schema.get("dcterms:version").asText());
        for (JsonNode column : schema.get("csvw:columns")) {
            schemaByName.put(column.get("csvw:name").asText(), column);
            schemaByLabel.put(column.get("skos:prefLabel").get("@value").asText(), column);
        }
        run = ShortRun.record(tmp);
        export = tmp.resolve("bdf");
        Console c = Console.run("data", "export", run.toString(), "--format", "bdf", "-o", export.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
    }

    @Test
    void everyBdfTermOfSamplesAndSpectraIsCurrentInTheSchemaWithItsLabelAndUnit() {
        List<DataColumn<?>> columns = new ArrayList<>(List.of(SampleField.values()));
        columns.addAll(List.of(SpectrumField.values()));
        for (DataColumn<?> column : columns) {
            ColumnTerm term = column.term();
            JsonNode entry = schemaByName.get(term.name());
            if (!term.bdf()) {
                assertEquals(null, entry, term.name() + " is a BDF name: it must be written as BDF defines it");
                continue;
            }
            assertTrue(entry != null, term.name() + " is not a BDF 1.3.0 term");
            assertFalse(entry.path("owl:deprecated").asBoolean(false), term.name() + " is deprecated in BDF 1.3.0");
            assertEquals(entry.get("skos:prefLabel").get("@value").asText(), term.label(), term.name());
            assertEquals(unit(entry), term.unit(), term.name() + " unit");
        }
        for (SpectrumField impedance : List.of(SpectrumField.FREQUENCY, SpectrumField.Z_REAL, SpectrumField.Z_IMAG,
                SpectrumField.Z_MOD, SpectrumField.Z_PHASE)) {
            assertTrue(impedance.bdf(), impedance + ": BDF has impedance terms since 1.0.0");
        }
    }

    @Test
    void sampleExportHasOnlyCurrentTermsAndKeepsTheConsistencyRules() throws Exception {
        for (String cell : ShortRun.CELLS) {
            List<String> lines = Files.readAllLines(export.resolve(cell + ".bdf.csv"));
            List<String> header = List.of(lines.getFirst().split(",", -1));
            for (String label : header) {
                JsonNode entry = schemaByLabel.get(label);
                assertTrue(entry != null, cell + ": '" + label + "' is not a BDF 1.3.0 label");
                assertFalse(entry.path("owl:deprecated").asBoolean(false), cell + ": '" + label + "' is deprecated");
            }
            for (String needed : List.of("Step ID", "Step Record Index / 1", "Charging Capacity / Ah",
                    "Cycle Charging Capacity / Ah", "Cycle Discharging Capacity / Ah", "Cycle Charging Energy / Wh",
                    "Cycle Discharging Energy / Wh", "Step Cumulative Capacity / Ah", "Step Cumulative Energy / Wh")) {
                assertTrue(header.contains(needed), cell + ": no '" + needed + "' in " + header);
            }
            Rows rows = Rows.of(header, lines.subList(1, lines.size()));
            assertTrue(rows.size() > 300, cell + " has " + rows.size() + " rows");
            assertTrue(rows.max("Cycle Count / 1") >= 2, cell + ": the rules matter across cycles");
            for (String quantity : List.of("Capacity / Ah", "Energy / Wh")) {
                rows.neverDecreases("Charging " + quantity);
                rows.neverDecreases("Discharging " + quantity);
                rows.neverDecreases("Cumulative " + quantity);
                for (int i = 0; i < rows.size(); i++) {
                    double net = rows.number(i, "Charging " + quantity) - rows.number(i, "Discharging " + quantity);
                    assertEquals(net, rows.number(i, "Net " + quantity), 1e-12,
                            cell + " row " + (i + 1) + ": net = charging - discharging (" + quantity + ")");
                    double throughput = rows.number(i, "Charging " + quantity) + rows.number(i, "Discharging " + quantity);
                    assertEquals(throughput, rows.number(i, "Cumulative " + quantity), 1e-12,
                            cell + " row " + (i + 1) + ": cumulative = charging + discharging (" + quantity + ")");
                }
            }
            rows.stepRecordIndexRestartsAtEachStep();
        }
    }

    @Test
    void spectraExportWithBdfImpedanceTerms() throws Exception {
        for (String cell : ShortRun.CELLS) {
            List<String> lines = Files.readAllLines(export.resolve(cell + ".eis.bdf.csv"));
            List<String> header = List.of(lines.getFirst().split(",", -1));
            for (String needed : List.of("Frequency / Hz", "Real Impedance / ohm", "Imaginary Impedance / ohm",
                    "Absolute Impedance / ohm", "Phase / deg", "Test Time / s")) {
                assertTrue(header.contains(needed), cell + ": no '" + needed + "' in " + header);
            }
            for (String label : header) {
                JsonNode entry = schemaByLabel.get(label);
                assertTrue(entry != null, cell + ": '" + label + "' is not a BDF 1.3.0 label");
                assertFalse(entry.path("owl:deprecated").asBoolean(false), cell + ": '" + label + "' is deprecated");
            }
            assertTrue(lines.size() > 20, cell + ": two sweeps of 5 points per decade");
            Rows rows = Rows.of(header, lines.subList(1, lines.size()));
            // the DC level of each sweep: the cell's last sample at or before the sweep's start
            // (an EIS step records its open-circuit reading right before sweeping)
            List<String> sampleLines = Files.readAllLines(export.resolve(cell + ".bdf.csv"));
            Rows samples = Rows.of(List.of(sampleLines.getFirst().split(",", -1)),
                    sampleLines.subList(1, sampleLines.size()));
            for (int i = 0; i < rows.size(); i++) {
                double start = rows.number(i, "Test Time / s");
                int before = -1;
                for (int k = 0; k < samples.size() && samples.number(k, "Test Time / s") <= start; k++) {
                    before = k;
                }
                assertTrue(before >= 0, cell + ": a sample before the sweep at " + start + " s");
                assertEquals(samples.number(before, "Voltage / V"), rows.number(i, "Voltage / V"), 0,
                        cell + " spectrum row " + (i + 1));
                assertEquals(samples.number(before, "Current / A"), rows.number(i, "Current / A"), 0,
                        cell + " spectrum row " + (i + 1));
                assertEquals(0, rows.number(i, "Current / A"), 1e-9, cell + ": sweeps at open circuit");
            }
            for (int i = 0; i < rows.size(); i++) {
                double re = rows.number(i, "Real Impedance / ohm");
                double im = rows.number(i, "Imaginary Impedance / ohm");
                assertEquals(Math.hypot(re, im), rows.number(i, "Absolute Impedance / ohm"), 1e-9 * Math.hypot(re, im));
            }
        }
    }

    /** The columns the alliance's validator requires ("Missing required columns" fails a file) are in every BDF file. */
    @Test
    void everyBdfFileHasTheSchemasRequiredColumns() throws Exception {
        List<String> required = new ArrayList<>();
        schemaByLabel.forEach((label, entry) -> {
            if (entry.path("csvw:required").asBoolean(false)) {
                required.add(label);
            }
        });
        assertEquals(3, required.size(), "time, voltage, current: " + required);
        for (Path file : list(export).stream().filter(f -> f.endsWith(".csv")).map(export::resolve).toList()) {
            List<String> header = List.of(Files.readAllLines(file).getFirst().split(",", -1));
            assertTrue(header.containsAll(required), file + ": " + header + " lacks one of " + required);
        }
    }

    @Test
    void metadataFileKeepsWhatTheCellIs() throws Exception {
        for (String cell : ShortRun.CELLS) {
            Path file = export.resolve(cell + ".bdf.json");
            assertTrue(Files.exists(file), file + " missing; files: " + list(export));
            JsonNode meta = new ObjectMapper().readTree(file.toFile());
            assertEquals("1.3.0", meta.path("bdf_version").asText(), meta.toString());
            assertEquals("NMC811 | Li6PS5Cl | Li-In", meta.path("cell_chemistry").asText(), meta.toString());
            assertEquals(0.002, meta.path("cell_nominal_capacity_ah").asDouble(), 1e-15, meta.toString());
            assertEquals(60e6, meta.path("applied_pressure_pa").path("max").asDouble(), 1e6, meta.toString());
            // numbers as in every file (docs/data.md): 60000000.0 Pa, not 6.0E7
            String text = Files.readString(file);
            assertTrue(!java.util.regex.Pattern.compile(":\\s*\"?-?[0-9.]+[eE][-+]?[0-9]+\"?\\s*[,}\\n]").matcher(text).find(), text);
        }
    }

    private static String unit(JsonNode entry) {
        String code = entry.path("schema:unitCode").asText("");
        return LABEL_UNITS.getOrDefault(code, code);
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The rows of an exported CSV, by label. */
    private record Rows(List<String> header, List<String[]> cells) {
        static Rows of(List<String> header, List<String> lines) {
            return new Rows(header, lines.stream().map(l -> l.split(",", -1)).toList());
        }

        int size() {
            return cells.size();
        }

        double number(int row, String label) {
            int column = header.indexOf(label);
            assertTrue(column >= 0, "no column '" + label + "'");
            return Double.parseDouble(cells.get(row)[column]);
        }

        double max(String label) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size(); i++) {
                max = Math.max(max, number(i, label));
            }
            return max;
        }

        void neverDecreases(String label) {
            for (int i = 1; i < size(); i++) {
                assertTrue(number(i, label) >= number(i - 1, label),
                        "'" + label + "' decreases at row " + (i + 1) + ": " + number(i - 1, label) + " -> "
                                + number(i, label));
            }
        }

        void stepRecordIndexRestartsAtEachStep() {
            for (int i = 0; i < size(); i++) {
                boolean newStep = i == 0 || number(i, "Step Count / 1") != number(i - 1, "Step Count / 1");
                double expected = newStep ? 1 : number(i - 1, "Step Record Index / 1") + 1;
                assertEquals(expected, number(i, "Step Record Index / 1"), "row " + (i + 1));
            }
        }
    }
}
