package io.cellbench.daq.influx;

import io.cellbench.core.data.RunEvent;
import io.cellbench.testing.InfluxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Samples per second into a throwaway influxd through {@link InfluxSink} (encode, spool
 * append, drain thread, influxdb-java POST) beside the plain way: encode the same points and
 * POST them with java.net.http in batches of the same size, gzipped the same way, no spool.
 * The goal is a ratio of at least 0.9: durability should cost little.
 *
 * <p>Run (arguments: samples, batch size; needs {@code influxd}, which ./run-tests installs):
 * <pre>
 * mvn -q -pl daq -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp -Dmdep.includeScope=test
 * java -cp daq/target/classes:daq/target/test-classes:$(cat /tmp/bench.cp) io.cellbench.daq.influx.InfluxSinkBenchmark 200000
 * </pre>
 */
public final class InfluxSinkBenchmark {

    private InfluxSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : InfluxConfig.DEFAULT_BATCH_SIZE;
        List<RunEvent> events = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            events.add(TestData.recorded("BENCH", i));
        }
        try (InfluxServer server = InfluxServer.start()) {
            System.out.printf("InfluxDB sink benchmark: %,d samples, batches of %,d lines, gzip, influxd %s%n",
                    samples, batch, server.url());
            // Warm-up of both paths (JIT, server caches), on databases of their own.
            baseline(server, "warm_baseline", events.subList(0, Math.min(samples, 50_000)), batch);
            sink(server, "warm_sink", events.subList(0, Math.min(samples, 50_000)), batch);
            // Alternate the order, so that neither side always runs while the server is still
            // compacting what the other wrote; the machine is shared, so look at the median.
            List<Double> ratios = new ArrayList<>();
            double bestBaseline = 0;
            double bestSink = 0;
            for (int round = 1; round <= 3; round++) {
                double b;
                double s;
                if (round % 2 == 1) {
                    b = baseline(server, "baseline" + round, events, batch);
                    s = sink(server, "sink" + round, events, batch);
                } else {
                    s = sink(server, "sink" + round, events, batch);
                    b = baseline(server, "baseline" + round, events, batch);
                }
                double d = replay(server, "replay" + round, events, batch);
                System.out.printf("round %d: replay of a filled spool %,.0f samples/s%n", round, d);
                System.out.printf("round %d: bulk POST %,.0f samples/s, sink (spool + drain) %,.0f samples/s, ratio %.2f%n",
                        round, b, s, s / b);
                ratios.add(s / b);
                bestBaseline = Math.max(bestBaseline, b);
                bestSink = Math.max(bestSink, s);
            }
            ratios.sort(null);
            System.out.printf("best: bulk POST %,.0f samples/s, sink %,.0f samples/s; ratio of bests %.2f,"
                    + " median ratio %.2f (goal >= 0.90)%n", bestBaseline, bestSink, bestSink / bestBaseline,
                    ratios.get(1));
        }
    }

    /** Encodes and POSTs in batches, as a client with no spool would. Returns samples/s. */
    static double baseline(InfluxServer server, String db, List<RunEvent> events, int batch) throws Exception {
        server.createDatabase(db);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI write = URI.create(server.url() + "/write?precision=ns&db=" + db);
        PointEncoder encoder = new PointEncoder(cell -> SeriesTags.of("bench", cell));
        LineProtocol lp = new LineProtocol(new StringBuilder(1 << 22));
        long t0 = System.nanoTime();
        int lines = 0;
        for (RunEvent e : events) {
            lines += encoder.encode(e, lp);
            if (lines >= batch) {
                post(http, write, lp);
                lines = 0;
            }
        }
        if (lines > 0) {
            post(http, write, lp);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(server, db, events.size());
        return events.size() / seconds;
    }

    private static void post(HttpClient http, URI write, LineProtocol lp) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream(lp.length() / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(body)) {
            gz.write(lp.toString().getBytes(StandardCharsets.UTF_8));
        }
        lp.clear();
        HttpRequest request = HttpRequest.newBuilder(write).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new IOException("baseline POST: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Through the sink: on() for every sample, then close and wait for the drain. Returns samples/s. */
    static double sink(InfluxServer server, String db, List<RunEvent> events, int batch) throws Exception {
        server.createDatabase(db);
        Path spool = Files.createTempDirectory("bench-spool");
        InfluxConfig config = InfluxConfig.of(server.url(), db, spool).withBatchSize(batch);
        long t0 = System.nanoTime();
        double spooled;
        DrainReport report;
        try (InfluxSink sink = InfluxSink.builder(config).run("bench").notices(n -> { }).open()) {
            for (RunEvent e : events) {
                sink.on(e);
            }
            spooled = (System.nanoTime() - t0) / 1e9;
            report = sink.drainAndClose(Duration.ofMinutes(10));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!report.drained()) {
            throw new IllegalStateException(report.message());
        }
        check(server, db, events.size());
        System.out.printf("  sink: all %,d samples acknowledged (spooled) after %.2f s, in InfluxDB after %.2f s%n",
                events.size(), spooled, seconds);
        Files.deleteIfExists(spool.resolve("committed"));
        Files.deleteIfExists(spool.resolve("spool.lock"));
        Files.deleteIfExists(spool);
        return events.size() / seconds;
    }

    /** Drain only: the spool is filled first (as after an outage), then a sink sends it. Returns samples/s. */
    static double replay(InfluxServer server, String db, List<RunEvent> events, int batch) throws Exception {
        server.createDatabase(db);
        Path spoolDir = Files.createTempDirectory("bench-replay");
        InfluxConfig config = InfluxConfig.of(server.url(), db, spoolDir).withBatchSize(batch);
        PointEncoder encoder = new PointEncoder(cell -> SeriesTags.of("bench", cell));
        try (io.cellbench.daq.spool.Spool spool = io.cellbench.daq.spool.Spool.open(spoolDir, config.spoolOptions())) {
            LineProtocol lp = new LineProtocol();
            for (RunEvent e : events) {
                lp.clear();
                int n = encoder.encode(e, lp);
                byte[] bytes = lp.toString().getBytes(StandardCharsets.UTF_8);
                spool.append(bytes, bytes.length, n);
            }
        }
        long t0 = System.nanoTime();
        try (InfluxSink sink = InfluxSink.builder(config).run("bench").notices(n -> { }).open()) {
            DrainReport report = sink.drainAndClose(Duration.ofMinutes(10));
            if (!report.drained()) {
                throw new IllegalStateException(report.message());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(server, db, events.size());
        return events.size() / seconds;
    }

    private static void check(InfluxServer server, String db, int expected) {
        long n = server.count(db, "SELECT count(voltage_volt) FROM samples");
        if (n != expected) {
            throw new IllegalStateException(db + ": " + n + " samples in InfluxDB, expected " + expected);
        }
    }
}
