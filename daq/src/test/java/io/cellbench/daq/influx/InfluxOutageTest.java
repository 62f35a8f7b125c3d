package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.Await;
import io.cellbench.testing.InfluxServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost and nothing doubled when the server or the writing process dies. */
class InfluxOutageTest {

    @TempDir
    Path tmp;

    final List<SinkNotice> notices = new CopyOnWriteArrayList<>();

    @Test
    void aServerKilledMidStreamAndRestartedEndsWithEveryPointExactlyOnce() throws Exception {
        int n = 30_000;
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("outage");
            InfluxConfig config = InfluxConfig.of(server.url(), "outage", tmp.resolve("spool"))
                    .withBatchSize(1000)
                    .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));
            InfluxSinkStatus status;
            try (InfluxSink sink = InfluxSink.builder(config).run("r").notices(notices::add).open()) {
                for (int i = 0; i < n; i++) {
                    sink.on(TestData.recorded("O1", i));
                    if (i % 1000 == 999) {
                        Thread.sleep(60); // pacing: about 2 s of acquisition
                    }
                    if (i == 10_000) {
                        server.kill();
                    }
                    if (i == 20_000) {
                        // back once the writer has found it away (a loaded machine may not have
                        // tried in the 0.6 s of acquisition since the kill)
                        Await.until(() -> "the writer found the server away: " + sink.status(),
                                () -> sink.status().linesRetried() > 0);
                        server.startProcess(); // same data directory, same address
                    }
                }
                DrainReport report = sink.drainAndClose(TestData.DRAIN);
                assertTrue(report.drained(), report.message());
                status = report.finalStatus();
            }
            assertTrue(status.linesRetried() > 0, "the outage was felt: " + status);
            assertTrue(notices.stream().anyMatch(x -> x.kind().equals("unreachable")), notices.toString());
            assertEquals(n, server.count("outage", "SELECT count(voltage_volt) FROM samples"));
            assertEquals(List.of("samples,cell=O1,run=r"), series(server, "outage", "samples"));
        }
    }

    @Test
    void aWriterKilledWithKill9LeavesASpoolThatTheNextSinkReplaysExactly() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("crash");
            Path spool = tmp.resolve("spool");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SpoolCrashChild.class.getName());
            pb.environment().put("CELLBENCH_INFLUX_URL", server.url().toString());
            pb.environment().put("CELLBENCH_INFLUX_DB", "crash");
            pb.environment().put("CELLBENCH_INFLUX_SPOOL_DIR", spool.toString());
            pb.environment().put("CELLBENCH_INFLUX_FSYNC", "never");
            pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process child = pb.start();
            long acknowledged = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                String line;
                while ((line = out.readLine()) != null) {
                    acknowledged = Long.parseLong(line);
                    if (acknowledged == 40_000) {
                        // kill -9, mid-run (through the handle: Process.destroyForcibly would close our end of the pipe)
                        child.toHandle().destroyForcibly();
                    }
                }
            }
            child.waitFor();
            assertTrue(acknowledged >= 40_000, "child acknowledged " + acknowledged);

            InfluxConfig config = InfluxConfig.of(server.url(), "crash", spool)
                    .withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));
            long recovered;
            try (InfluxSink sink = InfluxSink.builder(config).run("crash").notices(notices::add).open()) {
                recovered = sink.status().linesRecovered();
                DrainReport report = sink.drainAndClose(TestData.DRAIN);
                assertTrue(report.drained(), report.message());
            }
            long count = server.count("crash", "SELECT count(voltage_volt) FROM samples");
            String max = server.query("crash", "SELECT max(test_time_second) FROM samples");
            // Every acknowledged sample is there; the one in on() at the kill may be too (unacknowledged).
            assertTrue(count == acknowledged || count == acknowledged + 1,
                    "count " + count + ", acknowledged " + acknowledged + ", recovered " + recovered);
            Matcher m = Pattern.compile("\\[\\[\\d+,([0-9.e+]+)]]").matcher(max);
            assertTrue(m.find(), max);
            assertEquals(count - 1, Math.round(Double.parseDouble(m.group(1)) * 10), "no gaps: " + max);
            assertEquals(List.of("samples,cell=K1,run=crash"), series(server, "crash", "samples"));
            System.out.println("crash test: acknowledged " + acknowledged + ", recovered from spool " + recovered
                    + ", in InfluxDB " + count);
        }
    }

    static List<String> series(InfluxServer server, String db, String measurement) {
        String json = server.query(db, "SHOW SERIES FROM " + measurement);
        Matcher m = Pattern.compile("\\[\"(" + measurement + ",[^\"]+)\"]").matcher(json);
        List<String> keys = new java.util.ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
