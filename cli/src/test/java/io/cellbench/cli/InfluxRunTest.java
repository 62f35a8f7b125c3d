package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.run.RunReader;
import io.cellbench.testing.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a simulated multi-cell run sent live to a real InfluxDB leaves
 * exactly as many sample points there as rows in its Arrow files, per cell, also when the
 * server is away for part of the run; and what InfluxDB holds reads back out through
 * {@code data export}.
 */
class InfluxRunTest {
    @TempDir
    Path tmp;

    /** Short retry and flush times, so an outage is caught up within the test. */
    private Path fastConfig() throws Exception {
        Path file = tmp.resolve("influx.properties");
        Files.writeString(file, """
                flush-interval = 100ms
                retry-initial = 50ms
                retry-max = 500ms
                close-timeout = 20s
                """);
        return file;
    }

    @Test
    void everySampleOfAThreeCellRunIsInInfluxDbOnceAndReadsBackOut() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            Path schedule = ShortRun.write(tmp.resolve("inputs"));
            Path run = tmp.resolve("run");
            Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString(),
                    "--influx", server.url().toString(), "--db", "lab", "--influx-config", fastConfig().toString());
            assertEquals(0, c.exitCode(), c.out() + c.err());
            assertTrue(c.out().contains("nothing left in the spool " + run.resolve("influx-spool")), c.out());
            assertEachCellComplete(server, "lab", run);

            // Back out of InfluxDB: the same samples as the Arrow files (times to the microsecond).
            Path out = tmp.resolve("from-influx");
            Console export = Console.run("data", "export", "--influx", server.url().toString(), "--db", "lab",
                    "--influx-config", fastConfig().toString(), "--format", "arrow", "-o", out.toString());
            assertEquals(0, export.exitCode(), export.err());
            for (String cell : ShortRun.CELLS) {
                List<Sample> expected = arrowSamples(run, cell);
                List<Sample> back = new ArrayList<>();
                try (RootAllocator allocator = new RootAllocator()) {
                    ArrowSampleReader.read(List.of(out.resolve(cell + ".arrows")), allocator, back::add);
                }
                assertEquals(expected.size(), back.size(), cell);
                for (int i = 0; i < expected.size(); i++) {
                    Sample e = expected.get(i);
                    Sample b = back.get(i);
                    assertEquals(e.unixTimeSecond(), b.unixTimeSecond(), 1e-6, cell + " row " + i);
                    assertEquals(withUnixTime(e, 0), withUnixTime(b, 0), cell + " row " + i);
                }
            }
            Console raw = Console.run("data", "raw", "--influx", server.url().toString(), "--db", "lab",
                    "--influx-config", fastConfig().toString(), "--cell", "coin-2", "--cycles", "2..2",
                    "--format", "csv");
            assertEquals(0, raw.exitCode(), raw.err());
            long cycle2 = arrowSamples(run, "coin-2").stream().filter(s -> s.cycleCount() == 2).count();
            assertEquals(cycle2 + 1, raw.out().lines().count());

            // The per-cycle summary from InfluxDB is the one in the run directory.
            Console fromInflux = Console.run("data", "cycles", "--influx", server.url().toString(), "--db", "lab",
                    "--influx-config", fastConfig().toString(), "--cell", "coin-2", "--format", "csv");
            Console fromFiles = Console.run("data", "cycles", run.toString(), "--cell", "coin-2", "--format", "csv");
            assertEquals(0, fromInflux.exitCode(), fromInflux.err());
            List<String> a = fromInflux.out().lines().toList();
            List<String> b = fromFiles.out().lines().toList();
            assertEquals(b.size(), a.size(), fromInflux.out() + "\n---\n" + fromFiles.out());
            for (int i = 1; i < a.size(); i++) {
                String[] x = a.get(i).split(",");
                String[] y = b.get(i).split(",");
                assertEquals(y[1], x[1], "cycle number");
                for (int k = 2; k < y.length; k++) {
                    double want = y[k].isEmpty() ? Double.NaN : Double.parseDouble(y[k]);
                    double got = x[k].isEmpty() ? Double.NaN : Double.parseDouble(x[k]);
                    assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), "row " + i + " column " + k);
                }
            }
        }
    }

    @Test
    void aServerAwayForPartOfTheRunStillEndsWithEverySampleOnce() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            server.kill(); // away when the run starts
            Path schedule = ShortRun.write(tmp.resolve("inputs"));
            Path run = tmp.resolve("run");
            String config = fastConfig().toString();
            AtomicReference<Console> result = new AtomicReference<>();
            // About 3 simulated hours at 2,000x: the run lasts ~5 s of wall time.
            Thread running = Thread.ofPlatform().start(() -> result.set(Console.run("run", schedule.toString(),
                    "--simulate", "--speed", "2000", "--out", run.toString(),
                    "--influx", server.url().toString(), "--db", "lab", "--influx-config", config)));
            // The server comes back once the run has found it away (a fixed 2 s may pass before
            // the run's first write on a loaded machine, and then no outage is ever felt).
            Path events = run.resolve("events.jsonl");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!(Files.exists(events) && Files.readString(events).contains("InfluxDB unreachable"))) {
                assertTrue(running.isAlive() && System.nanoTime() < deadline, "the run never found the server away");
                Thread.sleep(20);
            }
            assertTrue(running.isAlive(), "the run is still going when the server comes back");
            server.startProcess(); // same data directory and address
            running.join(60_000);
            Console c = result.get();
            assertEquals(0, c.exitCode(), c.out() + c.err());
            assertTrue(c.out().contains("influx unreachable"), c.out());
            assertTrue(c.out().contains("nothing left in the spool"), c.out());
            assertTrue(Files.readString(run.resolve("events.jsonl")).contains("InfluxDB unreachable"),
                    "the outage is in the run's event log");
            assertEachCellComplete(server, "lab", run);
        }
    }

    private static void assertEachCellComplete(InfluxServer server, String db, Path run) throws Exception {
        for (String cell : ShortRun.CELLS) {
            long rows = arrowSamples(run, cell).size();
            assertTrue(rows > 300, cell + ": " + rows);
            assertEquals(rows, server.count(db, "SELECT count(test_time_second) FROM samples WHERE cell = '" + cell + "'"),
                    cell);
        }
    }

    private static List<Sample> arrowSamples(Path run, String cell) throws Exception {
        List<Sample> rows = new ArrayList<>();
        try (RunReader reader = RunReader.open(run)) {
            reader.samples(cell, rows::add);
        }
        return rows;
    }

    private static Sample withUnixTime(Sample s, double t) {
        return new Sample(s.testTimeSecond(), t, s.voltageVolt(), s.currentAmpere(), s.cycleCount(), s.stepCount(),
                s.stepIndex(), s.chargingCapacityAh(), s.dischargingCapacityAh(), s.stepCapacityAh(),
                s.netCapacityAh(), s.cumulativeCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh(),
                s.stepEnergyWh(), s.netEnergyWh(), s.cumulativeEnergyWh(), s.powerWatt(), s.appliedPressurePa(),
                s.ambientTemperatureCelsius(), 1, s.chargingCapacityAh(), s.dischargingCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh());
    }
}
