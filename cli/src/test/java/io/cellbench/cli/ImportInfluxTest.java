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
