package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.testing.DeadPort;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose InfluxDB does not answer (a port on 127.0.0.1 where nothing listens): {@code cellbench status}
 * says InfluxDB is not reachable and how much waits in the spool, as a table line and in
 * {@code --json}; the InfluxDB notices in events.jsonl carry the time they were written.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InfluxStatusTest {
    @TempDir
    Path tmp;

    @Test
    void statusShowsInfluxReachabilityAndBacklogAndItsNoticesAreDated() throws Exception {
        // Nothing listens there: connection refused. A port found free and closed again could be
        // taken by another process meanwhile (issue 17); this one stays held until the end.
        DeadPort dead = new DeadPort();
        int closed = dead.port();
        Files.writeString(tmp.resolve("influx.properties"), "url = http://127.0.0.1:" + closed + "\n"
                + "database = lab\nclose-timeout = 1s\nretry-max = 1s\n");
        Files.writeString(tmp.resolve("rest.yaml"), """
                name: a long rest
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 10 s
                  sample_period: 1 s
                steps:
                  - Rest for 100 hours
                """);
        Files.writeString(tmp.resolve("schedule.yaml"), """
                cells:
                  - {id: c1, nominal_capacity: 2 mAh, protocol: rest.yaml, simulation: {preset: coin, seed: 1}}
                """);
        Path dir = tmp.resolve("run");
        long before = System.currentTimeMillis();
        Process run = cellbench("run", tmp.resolve("schedule.yaml").toString(), "--simulate", "--speed", "100",
                "--influx-config", tmp.resolve("influx.properties").toString(), "--out", dir.toString());
        try {
            waitFor(run, () -> events(dir).contains("InfluxDB unreachable"), "InfluxDB is found unreachable");
            waitFor(run, () -> {
                Console status = Console.run("status", dir.toString(), "--json");
                return status.exitCode() == 0 && status.out().contains("\"backlog_lines\"")
                        && !status.out().contains("\"backlog_lines\" : 0");
            }, "status shows the backlog");
            JsonNode influx = new ObjectMapper().readTree(Console.run("status", dir.toString(), "--json").out())
                    .path("influx");
            assertEquals("http://127.0.0.1:" + closed, influx.path("url").asText(), influx.toPrettyString());
            assertEquals("lab", influx.path("database").asText());
            assertTrue(!influx.path("reachable").asBoolean(), influx.toPrettyString());
            assertTrue(influx.path("backlog_lines").asLong() > 0, influx.toPrettyString());
            assertTrue(influx.path("last_error").asText().contains("Failed to connect"), influx.toPrettyString());

            String table = Console.run("status", dir.toString()).out();
            assertTrue(table.lines().anyMatch(l -> l.startsWith("InfluxDB http://127.0.0.1:" + closed + ", database lab:"
                    + " NOT REACHABLE") && l.contains(" lines") && l.contains("waiting in the spool")), table);

            String notice = events(dir).lines().filter(l -> l.contains("InfluxDB unreachable")).findFirst().orElseThrow();
            JsonNode line = new ObjectMapper().readTree(notice);
            double at = line.path("unix_time_second").asDouble(Double.NaN);
            assertTrue(at * 1000 >= before - 1000 && at * 1000 <= System.currentTimeMillis() + 1000,
                    "an InfluxDB notice carries the time it was written: " + notice);
            assertEquals(0, Console.run("stop", dir.toString()).exitCode());
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops");
        } finally {
            run.destroyForcibly();
            dead.close();
        }
    }

    private static String events(Path dir) {
        try {
            return Files.readString(dir.resolve("events.jsonl"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void waitFor(Process p, Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            assertTrue(p.isAlive(), "the run ended while waiting for: " + what);
            assertTrue(System.nanoTime() < deadline, "not within 60 s: " + what);
            Thread.sleep(100);
        }
    }

    private Process cellbench(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        File log = tmp.resolve("cellbench-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
