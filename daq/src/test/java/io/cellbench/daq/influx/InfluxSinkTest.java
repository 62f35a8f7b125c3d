package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.spool.SpoolFsync;
import io.cellbench.daq.spool.Spool;
import io.cellbench.testing.InfluxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real influxd: what goes in comes back, with its tags, exactly once. */
class InfluxSinkTest {

    static InfluxServer server;

    @TempDir
    Path tmp;

    final List<SinkNotice> notices = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        server = InfluxServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    InfluxConfig config(String db) {
        server.createDatabase(db);
        return InfluxConfig.of(server.url(), db, tmp.resolve("spool"))
                .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    @Test
    void samplesSpectraCyclesAndEventsArriveWithTheirTagsAndValues() {
        InfluxConfig config = config("roundtrip");
        int n = 12_000;
        DrainReport report;
        try (InfluxSink sink = InfluxSink.builder(config).run("run-1").cell("A1", "3", "arbin-1")
                .notices(notices::add).open()) {
            sink.on(new RunEvent.RunStarted("A1", TestData.START_UNIX, new CellInfo("A1", "coin", "NMC|LPSCl|LiIn",
                    0.002, Double.NaN, Double.NaN, ""), "formation", "Charge at C/10 until 3.7 V", false));
            sink.on(new RunEvent.StepStarted("A1", 0, 1, 1, 1, "Charge at C/10 until 3.7 V"));
            for (int i = 0; i < n; i++) {
                sink.on(TestData.recorded("A1", i));
            }
            sink.on(new RunEvent.SpectrumMeasured("A1", TestData.spectrum(n * 0.1 + 1, 31)));
            sink.on(new RunEvent.Notice("A1", n * 0.1 + 2, RunEvent.Severity.WARNING, "pressure, \"low\"\nrecovered"));
            sink.on(new RunEvent.RunEnded("A1", n * 0.1 + 3, RunEvent.Outcome.COMPLETED, "done"));
            report = sink.drainAndClose(TestData.DRAIN);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(report.drained(), report.message());
        assertEquals(0, report.linesLeft());

        String db = config.database();
        assertEquals(n, server.count(db, "SELECT count(voltage_volt) FROM samples WHERE cell = 'A1'"));
        assertEquals(n, server.count(db, "SELECT count(voltage_volt) FROM samples WHERE run = 'run-1' AND channel = '3'"
                + " AND instrument = 'arbin-1'"));
        assertEquals(0, server.count(db, "SELECT count(applied_pressure_pa) FROM samples"), "NaN fields are left out");
        assertEquals(31, server.count(db, "SELECT count(real_impedance_ohm) FROM impedance"));
        assertEquals(12, server.count(db, "SELECT count(discharge_capacity_ah) FROM cycles"),
                "11 closed cycles and the last, closed by RunEnded");
        assertEquals(4, server.count(db, "SELECT count(message) FROM events WHERE cell = 'A1'"), "started, step, notice, ended");

        // Values are exact: the timestamp is the sample's unix time, fields as written.
        String first = server.query(db, "SELECT voltage_volt, current_ampere, cycle_count, step_id FROM samples"
                + " WHERE cell = 'A1' ORDER BY time ASC LIMIT 1");
        assertTrue(first.contains("[[1714521600000000000,3,0.002,1,1]]"), first);
        String s1234 = server.query(db, "SELECT voltage_volt FROM samples WHERE time = 1714521723400000000");
        assertTrue(s1234.contains("[[1714521723400000000," + TestData.sample(1234).voltageVolt() + "]]"), s1234);
        String notice = server.query(db, "SELECT message, severity FROM events WHERE kind = 'notice'");
        assertTrue(notice.contains("\"pressure, \\\"low\\\" recovered\",\"WARNING\""), notice);
        String spectrum = server.query(db, "SELECT frequency_hertz, point_index FROM impedance ORDER BY time ASC LIMIT 2");
        assertTrue(spectrum.contains("[1714522801000000000,1000000,0],[1714522801000000001,"), spectrum);
        assertTrue(notices.stream().anyMatch(x -> x.kind().equals("closed")), notices.toString());
    }

    @Test
    void tagsAndStringsWithEveryEscapedCharacterComeBackUnchanged() throws IOException {
        InfluxConfig config = config("escapes");
        List<String> names = List.of("A 1", "A,2", "A=3", "A\\4", "A\\,5", "ä\"6'", "A 7\\");
        try (InfluxSink sink = InfluxSink.builder(config).run("run \"x\", y=z").notices(notices::add).open()) {
            for (int k = 0; k < names.size(); k++) {
                sink.on(new RunEvent.Notice(names.get(k), k, RunEvent.Severity.INFO,
                        "msg " + names.get(k) + " \\ end\\"));
            }
            assertTrue(sink.drainAndClose(TestData.DRAIN).drained());
        }
        String tags = server.query(config.database(), "SHOW TAG VALUES FROM events WITH KEY = cell");
        for (String name : List.of("A 1", "A,2", "A=3", "A\\\\4", "A\\\\,5", "ä\\\"6'", "A 7")) {
            assertTrue(tags.contains("[\"cell\",\"" + name + "\"]"), name + " in " + tags);
        }
        String runs = server.query(config.database(), "SHOW TAG VALUES FROM events WITH KEY = run");
        assertTrue(runs.contains("run \\\"x\\\", y=z"), runs);
        String messages = server.query(config.database(), "SELECT message FROM events WHERE kind = 'notice'");
        assertTrue(messages.contains("\"msg A\\\\,5 \\\\ end\\\\\""), messages);
    }

    @Test
    void aMalformedLineIsSetAsideWithAnAlarmAndTheRestIsWritten() throws IOException {
        InfluxConfig config = config("rejects");
        try (Spool spool = Spool.open(config.spoolDirectory(), config.spoolOptions())) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                lines.append("samples,cell=B1 voltage_volt=").append(3 + i / 1000.0).append(' ')
                        .append(1_714_521_600_000_000_000L + i).append('\n');
                if (i == 600) {
                    lines.append("samples,cell=B1 voltage_volt=\"unterminated 1714521600000000000\n");
                }
            }
            spool.append(lines.toString());
        }
        InfluxSinkStatus status;
        try (InfluxSink sink = InfluxSink.builder(config).notices(notices::add).open()) {
            DrainReport report = sink.drainAndClose(TestData.DRAIN);
            assertTrue(report.drained(), report.message());
            status = report.finalStatus();
        }
        assertEquals(1000, server.count(config.database(), "SELECT count(voltage_volt) FROM samples"));
        assertEquals(1, status.linesRejected());
        List<Path> rejected;
        try (Stream<Path> files = Files.list(status.rejectedDirectory())) {
            rejected = files.toList();
        }
        assertEquals(1, rejected.size());
        String kept = Files.readString(rejected.getFirst());
        assertTrue(kept.contains("\nsamples,cell=B1 voltage_volt=\"unterminated 1714521600000000000\n"), kept);
        assertTrue(kept.startsWith("# rejected"), kept);
        assertTrue(notices.stream().anyMatch(x -> x.kind().equals("rejected")
                && x.severity() == RunEvent.Severity.ALARM && x.message().contains("unable to parse")), notices.toString());
    }

    @Test
    void aFieldTypeConflictRejectsOnlyTheConflictingPoint() throws IOException {
        InfluxConfig config = config("conflict");
        // Someone wrote cycle_count as a float into this shard before us.
        assertEquals(204, server.write(config.database(), "samples,cell=C1 cycle_count=1.5 1714521600500000000"));
        try (InfluxSink sink = InfluxSink.builder(config).notices(notices::add).open()) {
            for (int i = 0; i < 100; i++) {
                sink.on(TestData.recorded("C2", i));
            }
            DrainReport report = sink.drainAndClose(TestData.DRAIN);
            assertTrue(report.drained(), report.message());
            assertEquals(100, report.finalStatus().linesRejected(), "cycle_count is an integer in all of them");
        }
        assertTrue(notices.stream().anyMatch(x -> x.message().contains("field type conflict")), notices.toString());
    }

    @Test
    void theServerArrivingLateGetsEverythingAfterBackoff() throws Exception {
        try (InfluxServer late = InfluxServer.prepare(false)) {
            InfluxConfig config = InfluxConfig.of(late.url(), "late", tmp.resolve("spool"))
                    .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(20))
                    .withBacklogAlarmLines(500);
            try (InfluxSink sink = InfluxSink.builder(config).run("r").notices(notices::add).open()) {
                for (int i = 0; i < 3000; i++) {
                    sink.on(TestData.recorded("D1", i));
                }
                // Until the writer has tried and failed (a fixed second may pass before its first try on a loaded machine).
                long deadline = System.nanoTime() + 30_000_000_000L;
                while ((sink.status().linesRetried() == 0 || sink.status().lastError().isEmpty())
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                InfluxSinkStatus away = sink.status();
                assertFalse(away.serverReachable());
                assertTrue(away.linesRetried() > 0, away.toString());
                assertTrue(away.backlogLines() >= 3000, away.toString());
                assertTrue(away.lastError().contains("Connect"), away.lastError());
                late.startProcess();
                late.createDatabase("late");
                DrainReport report = sink.drainAndClose(TestData.DRAIN);
                assertTrue(report.drained(), report.message());
            }
            assertEquals(3000, late.count("late", "SELECT count(voltage_volt) FROM samples"));
            List<String> kinds = notices.stream().map(SinkNotice::kind).toList();
            assertTrue(kinds.containsAll(List.of("unreachable", "backlog", "reachable", "backlog_drained")), kinds.toString());
            // The sink's own notices are in InfluxDB too.
            assertTrue(late.count("late", "SELECT count(message) FROM events WHERE kind = 'unreachable'") == 1);
        }
    }

    @Test
    void fsyncAlwaysWritesTheSameAsTheDefault() throws IOException {
        InfluxConfig config = config("always").withFsync(SpoolFsync.ALWAYS).withBatchSize(100);
        try (InfluxSink sink = InfluxSink.builder(config).notices(notices::add).open()) {
            for (int i = 0; i < 1000; i++) {
                sink.on(TestData.recorded("E1", i));
            }
            DrainReport report = sink.drainAndClose(TestData.DRAIN);
            assertTrue(report.drained(), report.message());
            assertTrue(report.finalStatus().batchesWritten() >= 10, report.finalStatus().toString());
        }
        assertEquals(1000, server.count("always", "SELECT count(voltage_volt) FROM samples"));
    }

    @Test
    void anUnmeasuredRestLeavesOutItsVoltageAndKeepsEverythingElse() throws IOException {
        // rest: open-relay: NaN V at 0 A and 0 W between a charge and a discharge; influxd
        // rejects NaN, so the point goes without its voltage field
        InfluxConfig config = config("openrelay");
        try (InfluxSink sink = InfluxSink.builder(config).run("run-1").cell("A1", "1", "smu-1")
                .notices(notices::add).open()) {
            for (int i = 0; i < 1000; i++) {
                io.cellbench.core.data.Sample s = TestData.sample(i);
                if (i >= 450 && i < 550) {
                    s = new io.cellbench.core.data.Sample(s.testTimeSecond(), s.unixTimeSecond(), Double.NaN, 0,
                            s.cycleCount(), s.stepCount(), s.stepIndex(), s.chargingCapacityAh(),
                            s.dischargingCapacityAh(), s.stepCapacityAh(), s.netCapacityAh(), s.cumulativeCapacityAh(),
                            s.chargingEnergyWh(), s.dischargingEnergyWh(), s.stepEnergyWh(), s.netEnergyWh(),
                            s.cumulativeEnergyWh(), 0, s.appliedPressurePa(), s.ambientTemperatureCelsius(), s.stepRecordIndex(),
                            s.totalChargingCapacityAh(), s.totalDischargingCapacityAh(), s.totalChargingEnergyWh(),
                            s.totalDischargingEnergyWh());
                }
                sink.on(new RunEvent.SampleRecorded("A1", s));
            }
            sink.on(new RunEvent.RunEnded("A1", 100, RunEvent.Outcome.COMPLETED, "done"));
            DrainReport report = sink.drainAndClose(TestData.DRAIN);
            assertTrue(report.drained(), report.message());
        }
        String db = config.database();
        assertEquals(900, server.count(db, "SELECT count(voltage_volt) FROM samples"), "the rest has no voltage");
        assertEquals(1000, server.count(db, "SELECT count(current_ampere) FROM samples"));
        assertEquals(1000, server.count(db, "SELECT count(power_watt) FROM samples"));
        assertEquals(100, server.count(db, "SELECT count(current_ampere) FROM samples WHERE current_ampere = 0"));
        String cycle = server.query(db, "SELECT end_charge_voltage_volt, end_discharge_voltage_volt FROM cycles");
        assertTrue(cycle.contains("," + TestData.sample(449).voltageVolt() + "," + TestData.sample(999).voltageVolt()
                + "]"), cycle);
        assertTrue(notices.stream().noneMatch(x -> x.kind().equals("rejected") || x.kind().equals("refused")), notices.toString());
    }
}
