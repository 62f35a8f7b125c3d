package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.testing.ArrowFilesTest;
import io.cellbench.daq.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proves the files open outside Arrow Java: Arrow's JavaScript implementation
 * (scripts/arrow-js/read-arrow.mjs, run with Node.js) reads them and reports rows, schema,
 * metadata and values. Fails, never skips, when Node.js or the npm package is missing.
 */
class ArrowInteropTest extends ArrowFilesTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = REPO.resolve("scripts/arrow-js/read-arrow.mjs");
    private static final Path PACKAGE = REPO.resolve("scripts/arrow-js/node_modules/apache-arrow");
    private static final String HOW_TO_FIX = "; run ./run-tests from the repository root (it installs Node.js and"
            + " the apache-arrow npm package), or: apt-get install nodejs npm && (cd scripts/arrow-js && npm ci)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER)
            .withMaxBufferedSeconds(1e9);

    private static Map<String, String> runMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("run_id", "run-interop");
        m.put("cell_id", "A1");
        m.put("cell_chemistry", "NMC811|Li6PS5Cl|Li-In");
        m.put("cell_nominal_capacity_ah", "0.002");
        m.put("protocol_name", "formation");
        m.put("protocol_source", "Charge at C/10 until 3.7 V\nRest for 1 hour");
        m.put("cellbench_version", "0.1.0");
        return m;
    }

    @Test
    void samplesOpenInArrowJs() throws Exception {
        Path file = dir.resolve("samples.arrows");
        // 2,489 rows: three batches (1,024 + 1,024 + 441); the last row has no pressure or temperature.
        List<Sample> written = Samples.numbered(0, 2_489);
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, runMetadata(), OPTIONS, allocator)) {
            for (Sample s : written) {
                writer.write(s);
            }
        }

        JsonNode summary = readWithArrowJs(file);

        assertEquals(2_489, summary.get("rows").asInt());
        assertSchema(summary, SampleColumns.ALL);
        Sample first = written.getFirst();
        Sample last = written.getLast();
        assertTrue(Double.isNaN(last.ambientTemperatureCelsius()));
        JsonNode firstRow = summary.get("first");
        JsonNode lastRow = summary.get("last");
        assertEquals(first.testTimeSecond(), firstRow.get("test_time_second").asDouble());
        assertEquals(first.unixTimeSecond(), firstRow.get("unix_time_second").asDouble());
        assertEquals(first.voltageVolt(), firstRow.get("voltage_volt").asDouble());
        assertEquals(first.currentAmpere(), firstRow.get("current_ampere").asDouble());
        assertEquals(first.ambientTemperatureCelsius(), firstRow.get("ambient_temperature_celsius").asDouble());
        assertEquals(last.testTimeSecond(), lastRow.get("test_time_second").asDouble());
        assertEquals(last.voltageVolt(), lastRow.get("voltage_volt").asDouble());
        assertEquals(last.currentAmpere(), lastRow.get("current_ampere").asDouble());
        assertEquals(last.cycleCount(), lastRow.get("cycle_count").asInt());
        assertEquals(last.stepCount(), lastRow.get("step_count").asInt());
        assertEquals(last.stepIndex(), lastRow.get("step_id").asInt());
        assertEquals(last.chargingCapacityAh(), lastRow.get("charging_capacity_ah").asDouble());
        assertEquals(last.cumulativeEnergyWh(), lastRow.get("cumulative_energy_wh").asDouble());
        assertEquals(last.powerWatt(), lastRow.get("power_watt").asDouble());
        assertTrue(lastRow.get("ambient_temperature_celsius").isNull(), "NaN is stored as null: " + lastRow);
        assertTrue(lastRow.get("applied_pressure_pa").isNull(), "NaN is stored as null: " + lastRow);
    }

    @Test
    void spectraOpenInArrowJs() throws Exception {
        Path file = dir.resolve("spectra.arrows");
        List<Spectrum> spectra = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<ImpedancePoint> points = new ArrayList<>();
            for (int p = 0; p < 50 + k; p++) {
                points.add(new ImpedancePoint(1e6 / Math.pow(10, p / 8.0), 10 + p + k, -(p + 1) * 0.5));
            }
            spectra.add(new Spectrum(3600.0 * k, Samples.T0 + 3600.0 * k, k + 1, 2 * k + 1, 3, 25e6, 25.0, points));
        }
        try (ArrowSpectrumWriter writer = ArrowSpectrumWriter.create(file, runMetadata(), OPTIONS, allocator, 1)) {
            for (Spectrum s : spectra) {
                writer.write(s);
            }
        }

        JsonNode summary = readWithArrowJs(file);

        assertEquals(50 + 51 + 52, summary.get("rows").asInt());
        assertSchema(summary, SpectrumColumns.ALL);
        JsonNode first = summary.get("first");
        assertEquals(1, first.get("spectrum_index").asInt());
        assertEquals(1e6, first.get("frequency_hertz").asDouble());
        assertEquals(10.0, first.get("real_impedance_ohm").asDouble());
        assertEquals(-0.5, first.get("imaginary_impedance_ohm").asDouble());
        assertEquals(Math.hypot(10, -0.5), first.get("absolute_impedance_ohm").asDouble(), 1e-12);
        assertEquals(Math.toDegrees(Math.atan2(-0.5, 10)), first.get("phase_degree").asDouble(), 1e-12);
        JsonNode last = summary.get("last");
        ImpedancePoint lastPoint = spectra.getLast().points().getLast();
        assertEquals(3, last.get("spectrum_index").asInt());
        assertEquals(7200.0, last.get("test_time_second").asDouble());
        assertEquals(3, last.get("cycle_count").asInt());
        assertEquals(lastPoint.frequencyHz(), last.get("frequency_hertz").asDouble());
        assertEquals(lastPoint.zRealOhm(), last.get("real_impedance_ohm").asDouble());
        assertEquals(25e6, last.get("applied_pressure_pa").asDouble());
    }

    @Test
    void cyclesOpenInArrowJs() throws Exception {
        Path file = dir.resolve("cycles.arrows");
        CycleSummary full = new CycleSummary(1, 0, 7100, 0.001, 0.0009, 0.0038, 0.0032, 0.9, 0.8421052631578947,
                3.8, 3.5555555555555554, 4.2, 3.0, Double.NaN, Double.NaN);
        CycleSummary chargeOnly = new CycleSummary(2, 7200, 1800, 0.0005, 0, 0.0019, 0, Double.NaN, Double.NaN,
                3.8, Double.NaN, 4.0, Double.NaN, Double.NaN, Double.NaN);
        try (ArrowCycleWriter writer = ArrowCycleWriter.create(file, runMetadata(), OPTIONS, allocator)) {
            writer.write(full);
            writer.write(chargeOnly);
        }

        JsonNode summary = readWithArrowJs(file);

        assertEquals(2, summary.get("rows").asInt());
        assertSchema(summary, CycleColumns.ALL);
        assertEquals(0.9, summary.get("first").get("coulombic_efficiency").asDouble());
        assertEquals(3.0, summary.get("first").get("end_discharge_voltage_volt").asDouble());
        assertEquals(2, summary.get("last").get("cycle_count").asInt());
        assertTrue(summary.get("last").get("coulombic_efficiency").isNull());
    }

    private static void assertSchema(JsonNode summary, List<Column> columns) {
        JsonNode fields = summary.get("fields");
        assertEquals(columns.size(), fields.size());
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            JsonNode f = fields.get(i);
            assertEquals(c.name(), f.get("name").asText());
            assertEquals(c.type() == Column.Type.FLOAT64 ? "Float64" : "Int32", f.get("type").asText(), c.name());
            assertEquals(c.unit(), f.get("metadata").get("unit").asText(), c.name());
            assertEquals(c.label(), f.get("metadata").get("label").asText(), c.name());
            if (c.bdf()) {
                assertEquals(c.label(), f.get("metadata").get("bdf_label").asText(), c.name());
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        summary.get("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
        assertEquals(runMetadata(), metadata);
    }

    private JsonNode readWithArrowJs(Path file) throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            fail("the Arrow JS reader " + SCRIPT + " is missing (is the working directory the daq module?)");
        }
        if (!Files.isDirectory(PACKAGE)) {
            fail("the apache-arrow npm package is not installed in " + PACKAGE.getParent() + HOW_TO_FIX);
        }
        Process node;
        try {
            node = new ProcessBuilder("node", SCRIPT.toString(), file.toString())
                    .redirectError(dir.resolve("node-stderr.txt").toFile())
                    .start();
        } catch (IOException e) {
            return fail("Node.js (node) is not installed or not on PATH: " + e.getMessage() + HOW_TO_FIX);
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("node read-arrow.mjs did not finish within 60 s");
        }
        String err = Files.readString(dir.resolve("node-stderr.txt"));
        assertEquals(0, node.exitValue(), () -> "Arrow JS could not read " + file + ": " + err);
        return JSON.readTree(out);
    }
}
