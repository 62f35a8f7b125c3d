package io.cellbench.daq.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.influx.DrainReport;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.daq.influx.InfluxSink;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.table.SweepAnalysis;
import io.cellbench.testing.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fits a run makes, in a real influxd: a point per sweep and per DRT peak, with the cell's tags. */
class FitPointsTest {
    static InfluxServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() {
        server = InfluxServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void eachSweepsFitAndPeaksArriveAsTheyAreInFitsArrows() throws Exception {
        server.createDatabase("fits");
        InfluxConfig config = InfluxConfig.of(server.url(), "fits", tmp.resolve("spool"))
                .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(500),
                        Duration.ofSeconds(20));
        SweepAnalysis analysis = new SweepAnalysis(SolidStateCircuit.request());
        Path run = tmp.resolve("run");
        DrainReport report;
        try (RootAllocator allocator = new RootAllocator();
             InfluxSink sink = InfluxSink.builder(config).run("run-1").cell("c1", "2", "eis-1").open()) {
            SweepFits fits = new SweepFits(run, analysis, ArrowWriteOptions.DEFAULTS, allocator, n -> { },
                    List.of(new FitPoints(sink, analysis.circuit())));
            fits.on(SweepFitsTest.start("c1", 1_700_000_000, false));
            fits.on(new RunEvent.SpectrumMeasured("c1", SweepFitsTest.sweep(10, 1000)));
            fits.on(new RunEvent.SpectrumMeasured("c1", SweepFitsTest.sweep(100, 2000)));
            fits.on(new RunEvent.RunEnded("c1", 3000, RunEvent.Outcome.COMPLETED, ""));
            fits.close();
            report = sink.drainAndClose(Duration.ofMinutes(2));
        }
        assertTrue(report.drained(), report.message());
        FitTables.Table table = FitTables.read(RunLayout.cellDirectory(run, "c1").resolve("fits.arrows"));
        assertEquals(2, server.count("fits", "SELECT count(R2) FROM impedance_fits WHERE cell = 'c1' AND channel = '2'"
                + " AND circuit = '" + SolidStateCircuit.CIRCUIT + "'"));
        String r2 = server.query("fits", "SELECT R2, R2_sigma, lin_kk_passed FROM impedance_fits ORDER BY time ASC");
        // at the sweep's start (unix 1_700_001_000), the values of fits.arrows
        assertTrue(r2.contains("[1700001000000000000," + table.number(0, "R2") + "," + table.number(0, "R2_sigma")
                + ",1]"), r2);
        FitTables.Table drt = FitTables.read(RunLayout.cellDirectory(run, "c1").resolve("drt.arrows"));
        long peaks = drt.rows().stream().filter(r -> r.get("peak_resistance_ohm") != null).count();
        assertTrue(peaks >= 4, "peaks: " + peaks);
        assertEquals(peaks, server.count("fits", "SELECT count(peak_resistance_ohm) FROM impedance_drt_peaks"));
        String tags = server.query("fits", "SHOW TAG VALUES FROM impedance_drt_peaks WITH KEY = peak");
        assertTrue(tags.contains("[\"peak\",\"1\"]") && tags.contains("[\"peak\",\"2\"]"), tags);
    }
}
