package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.testing.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard shipped in grafana/ asks InfluxDB questions in InfluxQL. Every one of
 * them must run against a real server holding what the sink writes, and return data — a
 * renamed field or measurement would otherwise leave an empty panel nobody notices.
 */
class GrafanaDashboardTest {
    static final Path DASHBOARD = Path.of("..", "grafana", "cellbench-dashboard.json");
    static InfluxServer server;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void fill() throws Exception {
        server = InfluxServer.start();
        server.createDatabase("cellbench");
        InfluxConfig config = InfluxConfig.of(server.url(), "cellbench", tmp.resolve("spool"))
                .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));
        try (InfluxSink sink = InfluxSink.builder(config).run("run-7").cell("coin-1", "1", "sim").notices(n -> { }).open()) {
            sink.on(new RunEvent.RunStarted("coin-1", TestData.START_UNIX,
                    new CellInfo("coin-1", "coin", "NMC811|LPSCl|LiIn", 0.002, Double.NaN, Double.NaN, ""),
                    "demo", "demo.yaml", false));
            for (int i = 0; i < 3000; i++) {
                Sample s = TestData.sample(i);
                sink.on(new RunEvent.SampleRecorded("coin-1", withPressure(s, 50e6)));
            }
            sink.on(new RunEvent.Notice("coin-1", 300, RunEvent.Severity.ALARM, "pressure out of band"));
            sink.on(new RunEvent.RunEnded("coin-1", 301, RunEvent.Outcome.COMPLETED, "done"));
            assertTrue(sink.drainAndClose(TestData.DRAIN).drained());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Sample withPressure(Sample s, double pa) {
        return new Sample(s.testTimeSecond(), s.unixTimeSecond(), s.voltageVolt(), s.currentAmpere(), s.cycleCount(),
                s.stepCount(), s.stepIndex(), s.chargingCapacityAh(), s.dischargingCapacityAh(), s.stepCapacityAh(),
                s.netCapacityAh(), s.cumulativeCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh(),
                s.stepEnergyWh(), s.netEnergyWh(), s.cumulativeEnergyWh(), s.powerWatt(), pa,
                s.ambientTemperatureCelsius(), 1, s.chargingCapacityAh(), s.dischargingCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh());
    }

    /** What Grafana puts in place of its macros and of the "All" choice of a variable. */
    private static String asGrafanaSendsIt(String query) {
        return query.replace("$timeFilter", "time >= '2024-01-01T00:00:00Z'")
                .replace("$__interval", "1m")
                .replace("/^$cell$/", "/^.*$/")
                .replace("/^$run$/", "/^.*$/");
    }

    @Test
    void everyPanelQueryReturnsData() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String q = asGrafanaSendsIt(target.get("query").asText());
                JsonNode answer = new ObjectMapper().readTree(server.query("cellbench", q));
                JsonNode result = answer.get("results").get(0);
                assertFalse(result.has("error"), panel.get("title") + ": " + result);
                assertTrue(result.has("series") && result.get("series").size() > 0,
                        panel.get("title") + " returned no data for: " + q);
                // a field the samples no longer have (a BDF rename) still returns a series, as nulls
                for (JsonNode series : result.get("series")) {
                    JsonNode columns = series.get("columns");
                    for (int c = 1; c < columns.size(); c++) {
                        boolean any = false;
                        for (JsonNode row : series.get("values")) {
                            any |= !row.get(c).isNull();
                        }
                        assertTrue(any, panel.get("title") + ": column " + columns.get(c) + " is empty for: " + q);
                    }
                }
            }
            titles.add(panel.get("title").asText());
        }
        assertTrue(titles.containsAll(List.of("Voltage", "Current (positive = charge)",
                "Discharge capacity per cycle (capacity fade)", "Stack pressure (MPa)", "Temperature")), titles.toString());
    }

    @Test
    void theVariablesListTheRunsAndCells() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> values = new ArrayList<>();
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            String q = asGrafanaSendsIt(variable.get("query").asText());
            JsonNode series = new ObjectMapper().readTree(server.query("cellbench", q)).get("results").get(0).get("series");
            series.get(0).get("values").forEach(v -> values.add(v.get(1).asText()));
        }
        assertEquals(List.of("run-7", "coin-1"), values);
    }
}
