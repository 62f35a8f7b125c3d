package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.run.RunReader;
import io.cellbench.testing.InfluxServer;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --influx} against a real influxd: every imported sample and impedance point is in
 * InfluxDB once, with the cycles, as a live run would leave them; and a file that fails to import
 * sends nothing.
 */
class ImportInfluxTest {
    @TempDir
    Path tmp;

    private Path fastConfig() throws Exception {
        return Files.writeString(tmp.resolve("influx.properties"), """
                flush-interval = 100ms
                retry-initial = 50ms
                retry-max = 500ms
                close-timeout = 60s
                """);
    }

    @Test
    void anImportedDirectoryIsInInfluxDbAsALiveRunWouldBe() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"), in.resolve("nw.ndax"));
        Files.copy(ReferenceData.require("biologic/yadg/peis.mpr"), in.resolve("eis.mpr"));
        // a PEIS file without any clock time: InfluxDB cannot place it, and the import says so
        Files.copy(ReferenceData.require("biologic/aurora-cycler-manager/PEIS.mpr"), in.resolve("no-clock.mpr"));
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            Path run = tmp.resolve("run");
            Console c = Console.run("import", in.toString(), "--out", run.toString(), "--influx",
                    server.url().toString(), "--db", "lab", "--influx-config", fastConfig().toString());
            assertEquals(1, c.exitCode(), c.out() + c.err());
            assertTrue(c.out().contains("warning: cell no-clock is not sent: its file gives no clock time"), c.out());
            assertEquals(0, server.count("lab", "SELECT count(real_impedance_ohm) FROM impedance WHERE cell = 'no-clock'"));
            assertTrue(c.out().contains("nothing left in the spool " + run.resolve("influx-spool")), c.out());
            try (RunReader reader = RunReader.open(run)) {
                long[] rows = {0};
                reader.samples("nw", s -> rows[0]++);
                assertTrue(rows[0] > 100_000, "samples: " + rows[0]);
                assertEquals(rows[0], server.count("lab", "SELECT count(voltage_volt) FROM samples WHERE cell = 'nw'"));
                assertEquals(reader.cycles("nw").size(),
                        server.count("lab", "SELECT count(charge_capacity_ah) FROM cycles WHERE cell = 'nw'"));
                List<Spectrum> spectra = reader.spectra("eis");
                long points = spectra.stream().mapToLong(s -> s.points().size()).sum();
                assertTrue(points > 10, "points: " + points);
                assertEquals(points, server.count("lab", "SELECT count(real_impedance_ohm) FROM impedance WHERE cell = 'eis'"));
            }
        }
    }

    /**
     * An .ndax's aux channels (ndc 2: an aux voltage and a temperature per record) are extra fields
     * of the same sample points, named as in samples.arrows, with the values samples.arrows holds.
     */
    @Test
    void auxChannelsAreFieldsOfTheSamePoints() throws Exception {
        Path file = Files.copy(ReferenceData.require("neware/fastnda/scrubbed_ndc2.ndax"), tmp.resolve("ndc2.ndax"));
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            Path run = tmp.resolve("run");
            Console c = Console.run("import", file.toString(), "--out", run.toString(), "--influx",
                    server.url().toString(), "--db", "lab", "--influx-config", fastConfig().toString());
            assertEquals(0, c.exitCode(), c.out() + c.err());
            List<Double> voltage = new java.util.ArrayList<>();
            List<Double> t1 = new java.util.ArrayList<>();
            try (RunReader reader = RunReader.open(run)) {
                List<io.cellbench.daq.arrow.Column> aux = reader.sampleAuxColumns("ndc2");
                assertEquals(List.of("aux1_voltage_volt", "temperature_t1_celsius"),
                        aux.stream().map(io.cellbench.daq.arrow.Column::name).toList());
                reader.samples("ndc2", aux, (s, values) -> {
                    voltage.add(values[0]);
                    t1.add(values[1]);
                });
            }
            assertTrue(voltage.size() > 10, "samples: " + voltage.size());
            // one point per sample, the aux fields on it: as many as the sample's own voltage
            assertEquals(voltage.size(), server.count("lab", "SELECT count(voltage_volt) FROM samples WHERE cell = 'ndc2'"));
            assertEquals(voltage.stream().filter(v -> !v.isNaN()).count(),
                    server.count("lab", "SELECT count(aux1_voltage_volt) FROM samples WHERE cell = 'ndc2'"));
            assertEquals(fieldValues(server, "aux1_voltage_volt"), voltage);
            assertEquals(fieldValues(server, "temperature_t1_celsius"), t1);
        }
    }

    /** A field of cell ndc2's sample points in time order, NaN where a point has none. */
    private static List<Double> fieldValues(InfluxServer server, String field) throws Exception {
        String json = server.query("lab", "SELECT voltage_volt, " + field + " FROM samples WHERE cell = 'ndc2'");
        var values = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("results").path(0)
                .path("series").path(0).path("values");
        List<Double> out = new java.util.ArrayList<>();
        values.forEach(row -> out.add(row.path(2).isNull() ? Double.NaN : row.path(2).asDouble()));
        return out;
    }

    @Test
    void aFileThatFailsToImportSendsNothing() throws Exception {
        byte[] whole = Files.readAllBytes(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"));
        Path cut = Files.write(tmp.resolve("cut.ndax"), java.util.Arrays.copyOf(whole, whole.length - 5000));
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            Path run = tmp.resolve("run");
            Console c = Console.run("import", cut.toString(), "--out", run.toString(), "--influx",
                    server.url().toString(), "--db", "lab", "--influx-config", fastConfig().toString());
            assertEquals(UserErrors.BAD_INPUT, c.exitCode(), c.out() + c.err());
            assertFalse(Files.exists(run));
            assertEquals(0, server.count("lab", "SELECT count(voltage_volt) FROM samples"));
        }
    }
}
