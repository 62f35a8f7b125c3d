package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.influx.StoredPoints.StoredCycle;
import io.cellbench.daq.influx.StoredPoints.StoredImpedance;
import io.cellbench.daq.influx.StoredPoints.StoredSample;
import io.cellbench.testing.InfluxServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the sink wrote streams back, as records, filtered by run, cell, cycles and time. */
class InfluxReaderTest {

    static InfluxServer server;
    static InfluxConfig config;
    static final int N = 2500;

    @BeforeAll
    static void writeTwoCells() throws Exception {
        server = InfluxServer.start();
        server.createDatabase("lab");
        config = InfluxConfig.of(server.url(), "lab", Files.createTempDirectory("reader-spool"))
                .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));
        try (InfluxSink sink = InfluxSink.builder(config).run("r1").cell("A1", "1", "neware").cell("B1", "2", "neware")
                .notices(n -> { }).open()) {
            for (int i = 0; i < N; i++) {
                sink.on(TestData.recorded("A1", i));
                sink.on(TestData.recorded("B1", i));
            }
            sink.on(new RunEvent.SpectrumMeasured("A1", TestData.spectrum(300, 31)));
            sink.on(new RunEvent.RunEnded("A1", 301, RunEvent.Outcome.COMPLETED, "done"));
            assertTrue(sink.drainAndClose(TestData.DRAIN).drained());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void samplesOfOneCellComeBackEqualInTimeOrder() {
        try (InfluxReader reader = InfluxReader.open(config);
             Stream<StoredSample> stream = reader.samples(ReadFilter.all().run("r1").cell("A1").chunkSize(700))) {
            List<StoredSample> rows = stream.toList();
            assertEquals(N, rows.size());
            for (int i = 0; i < N; i++) {
                Sample expected = TestData.sample(i);
                Sample got = rows.get(i).sample();
                assertEquals(expected.unixTimeSecond(), got.unixTimeSecond(), 1e-6, "microsecond timestamps");
                Sample sameTime = new Sample(got.testTimeSecond(), expected.unixTimeSecond(), got.voltageVolt(),
                        got.currentAmpere(), got.cycleCount(), got.stepCount(), got.stepIndex(),
                        got.chargingCapacityAh(), got.dischargingCapacityAh(), got.stepCapacityAh(),
                        got.netCapacityAh(), got.cumulativeCapacityAh(), got.chargingEnergyWh(),
                        got.dischargingEnergyWh(), got.stepEnergyWh(), got.netEnergyWh(), got.cumulativeEnergyWh(),
                        got.powerWatt(), got.appliedPressurePa(), got.ambientTemperatureCelsius(), 1, got.chargingCapacityAh(), got.dischargingCapacityAh(), got.chargingEnergyWh(), got.dischargingEnergyWh());
                assertEquals(expected, sameTime, "sample " + i);
            }
            assertEquals(new SeriesTags("r1", "A1", "1", "neware"), rows.getFirst().tags());
        }
    }

    @Test
    void cycleAndTimeFiltersNarrowTheAnswer() {
        try (InfluxReader reader = InfluxReader.open(config)) {
            try (Stream<StoredSample> s = reader.samples(ReadFilter.all().cell("B1").cycles(2, 2))) {
                assertEquals(1000, s.filter(x -> x.sample().cycleCount() == 2).count());
            }
            Instant from = Instant.ofEpochSecond(1_714_521_600L + 10);
            try (Stream<StoredSample> s = reader.samples(ReadFilter.all().cell("B1").between(from, from.plusSeconds(5)))) {
                List<StoredSample> rows = s.toList();
                assertEquals(50, rows.size());
                assertEquals(10.0, rows.getFirst().sample().testTimeSecond(), 1e-9);
            }
            try (Stream<StoredSample> s = reader.samples(ReadFilter.all())) {
                assertEquals(2 * N, s.count(), "both cells");
            }
        }
    }

    @Test
    void capacityFadeFromTheCycles() {
        try (InfluxReader reader = InfluxReader.open(config);
             Stream<StoredCycle> s = reader.cycles(ReadFilter.all().cell("A1").cycles(1, 2))) {
            List<StoredCycle> cycles = s.toList();
            assertEquals(2, cycles.size());
            assertEquals(1, cycles.get(0).summary().cycleCount());
            assertEquals(TestData.sample(999).dischargingCapacityAh(), cycles.get(0).summary().dischargeCapacityAh(), 1e-15);
            assertEquals(TestData.START_UNIX, cycles.get(0).startUnixTimeSecond(), 1e-6);
        }
    }

    @Test
    void aSpectrumComesBackPointByPoint() {
        try (InfluxReader reader = InfluxReader.open(config);
             Stream<StoredImpedance> s = reader.impedance(ReadFilter.all().cell("A1"))) {
            List<StoredImpedance> points = s.toList();
            assertEquals(31, points.size());
            for (int k = 0; k < 31; k++) {
                assertEquals(k, points.get(k).pointIndex());
                assertEquals(TestData.spectrum(300, 31).points().get(k), points.get(k).point());
                assertEquals(1, points.get(k).spectrumIndex());
            }
            assertEquals(5e6, points.getFirst().appliedPressurePa());
        }
    }

    @Test
    void closingAStreamEarlyStopsTheAnswerAndErrorsAreMessages() {
        try (InfluxReader reader = InfluxReader.open(config)) {
            for (int k = 0; k < 3; k++) {
                try (Stream<StoredSample> s = reader.samples(ReadFilter.all().chunkSize(10))) {
                    assertEquals(5, s.limit(5).count());
                }
            }
            InfluxConfig missing = config.withDatabase("nope");
            try (InfluxReader other = InfluxReader.open(missing); Stream<StoredSample> s = other.samples(ReadFilter.all())) {
                InfluxReadException e = assertThrows(InfluxReadException.class, s::count);
                assertTrue(e.getMessage().contains("database not found"), e.getMessage());
            }
        }
    }

    @Test
    void stringFiltersAreBoundNotPastedIntoTheQuery() {
        String q = InfluxReader.influxQl("samples", ReadFilter.all().run("x' OR 1=1").cell("A1").cycles(3, null)
                .between(Instant.ofEpochSecond(1), null), "cycle_count", "");
        assertEquals("SELECT * FROM \"samples\" WHERE \"run\" = $run AND \"cell\" = $cell AND \"cycle_count\" >= 3"
                + " AND time >= 1000000000 ORDER BY time ASC", q);
        try (InfluxReader reader = InfluxReader.open(config);
             Stream<StoredSample> s = reader.samples(ReadFilter.all().run("r1' OR run =~ /.*/ OR run = '"))) {
            assertEquals(0, s.count());
        }
    }
}
