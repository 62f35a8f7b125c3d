package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.sink.RunSink;
import io.cellbench.daq.sink.SinkContext;
import io.cellbench.daq.sink.SinkFactory;
import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.daq.sink.SinkStatus;
import io.cellbench.daq.sink.Sinks;
import io.cellbench.testing.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB as a sink found through the services file, against a real influxd: its settings
 * checked before anything is created, the spool in the run directory, every sample in the
 * database, what {@code status} shows, and the console lines a run has always printed.
 */
class InfluxSinkFactoryTest {
    @TempDir
    Path tmp;

    @Test
    void theInfluxDbSinkIsFoundByNameAndRefusesSettingsItCannotUse() throws Exception {
        SinkFactory factory = Sinks.named("influxdb");
        assertInstanceOf(InfluxSinkFactory.class, factory);
        assertEquals("InfluxDB", factory.displayName());
        assertFalse(factory.automatic(), "only when asked for");
        UserError none = assertThrows(UserError.class, () -> factory.check(InfluxSinkFactory.settings(null, null, null),
                Map.of("HOME", tmp.toString())));
        assertTrue(none.getMessage().startsWith("InfluxDB url is not set"), none.getMessage());
        UserError noFile = assertThrows(UserError.class, () -> factory.check(InfluxSinkFactory.settings(
                "http://127.0.0.1:8086", "lab", tmp.resolve("missing.properties")), Map.of()));
        assertEquals(tmp.resolve("missing.properties") + ": no such configuration file", noFile.getMessage());
        assertThrows(UserError.class, () -> factory.check(new SinkSettings("influxdb", Map.of("password", "x")),
                Map.of()), "no secret as a setting");
        assertEquals(List.of(), factory.check(InfluxSinkFactory.settings("http://127.0.0.1:8086", "lab", null),
                Map.of("HOME", tmp.toString())));
    }

    @Test
    void aRunsEventsReachInfluxDbThroughTheSpoolInItsDirectoryAndItSaysHowItWent() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            Path config = tmp.resolve("influx.properties");
            Files.writeString(config, "flush-interval = 100ms\nclose-timeout = 20s\n");
            Path run = tmp.resolve("run");
            List<String> console = new CopyOnWriteArrayList<>();
            List<RunEvent.Notice> recorded = new CopyOnWriteArrayList<>();
            SinkContext context = new SinkContext(run, new RunInfo("run-7", Instant.EPOCH, "test"),
                    Map.of("HOME", tmp.toString()), console::add, recorded::add);
            RunSink sink = Sinks.named("influxdb").open(context, InfluxSinkFactory.settings(server.url().toString(),
                    "lab", config));
            assertEquals(List.of("cellbench: sending the run live to InfluxDB " + server.url() + ", database lab (spool: "
                    + run.resolve("influx-spool") + ")"), console);
            assertEquals(Duration.ofSeconds(20), sink.closePatience());
            sink.on(new RunEvent.RunStarted("A1", TestData.START_UNIX, new CellInfo("A1", "coin", "NMC|LPSCl|LiIn",
                    0.002, Double.NaN, Double.NaN, ""), "formation", "formation.yaml", false));
            for (int i = 0; i < 500; i++) {
                sink.on(TestData.recorded("A1", i));
            }
            SinkStatus status = sink.status().orElseThrow();
            assertEquals("influx", status.key());
            Map<String, Object> figures = status.figures().get();
            assertEquals(List.of("url", "database", "reachable", "backlog_lines", "backlog_bytes", "lines_written",
                    "lines_rejected", "last_error", "spool"), List.copyOf(figures.keySet()));
            assertEquals(run.resolve("influx-spool").toString(), figures.get("spool"));
            sink.close();
            assertEquals("cellbench: waiting up to 20 s for InfluxDB to receive the rest of the run…", console.get(1));
            assertTrue(console.get(2).matches("\\QInfluxDB " + server.url() + ", database lab: \\E[0-9,]+ lines written;"
                    + " nothing left in the spool \\Q" + run.resolve("influx-spool") + "\\E"), console.get(2));
            assertEquals(500, server.count("lab", "SELECT count(voltage_volt) FROM samples WHERE run = 'run-7'"));
            assertTrue(recorded.stream().allMatch(n -> n.message().startsWith("InfluxDB ")), recorded.toString());
        }
    }
}
