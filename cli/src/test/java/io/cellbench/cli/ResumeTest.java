package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is killed with SIGKILL (twice, at random moments: once while running, once while
 * resumed) and resumed in a new process each time, exactly as an operator would after a
 * crash. The data of every cell must read as one run: test time strictly increasing, no
 * sample twice, counters continuous across each interruption, every cell completed, and the
 * cycle summary like an uninterrupted run's.
 *
 * <p>Tolerance for the cycle summary: the same cycles, and each cycle's charge and discharge
 * capacity within 10 % of the uninterrupted run. The interruption itself changes little (a
 * CC step goes on from the same charge; a CV hold or rest goes on after the cell relaxed at
 * open circuit during the gap). Most of the margin is for scaled time: at 2000 simulated
 * seconds per second, a 50 ms pause of a loaded machine is 100 s of 2C current before the
 * cut-off can be seen; uninterrupted runs at that speed differ from virtual-time runs by up
 * to about 5 %. Double counting a step's capacity, the failure this guards against, is
 * 30 % or more.
 */
class ResumeTest {
    private static final double SPEED = 2000;
    private static final double MAX_ABS_CURRENT_AMPERE = 0.0045; // 2C of 2 mAh, with margin

    private static final String PROTOCOL = """
            name: fast cycling
            limits:
              voltage: [1.5 V, 4.0 V]
            logging:
              period: 10 s
              sample_period: 5 s
            steps:
              - Set pressure to 20 MPa and wait until stable
              - Rest for 2 minutes
              - Repeat 2 times:
                  - Charge at 2C until 3.7 V then hold until C/5
                  - Rest for 2 minutes
                  - Discharge at 2C until 1.9 V
                  - Rest for 2 minutes
              - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
            """;

    private static final String SCHEDULE = """
            name: resume test
            cells:
              - id: c1
                format: coin
                chemistry: NMC811 | Li6PS5Cl | Li-In
                nominal_capacity: 2 mAh
                protocol: protocols/fast.yaml
                simulation: {preset: coin, seed: 1}
              - id: c2
                format: coin
                chemistry: NMC811 | Li6PS5Cl | Li-In
                nominal_capacity: 2 mAh
                protocol: protocols/fast.yaml
                simulation: {preset: coin, seed: 2}
            """;

    @TempDir
    Path tmp;

    @Test
    void aRunKilledTwiceAndResumedReadsAsOneRun() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("protocols"));
        Files.writeString(in.resolve("protocols/fast.yaml"), PROTOCOL);
        Path schedule = in.resolve("schedule.yaml");
        Files.writeString(schedule, SCHEDULE);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String context = "random seed " + seed;

        Path reference = tmp.resolve("reference");
        Process plain = cellbench("run", schedule.toString(), "--simulate", "--out", reference.toString());
        assertEquals(0, finish(plain), context);

        Path dir = tmp.resolve("run");
        Process run = cellbench("run", schedule.toString(), "--simulate", "--speed", Double.toString(SPEED),
                "--out", dir.toString());
        killOnceRunning(run, () -> count(dir, "\"RunStarted\"") >= 2, random, context);
        // The originals change after the start: a resume must use the copies in DIR/inputs.
        Files.writeString(in.resolve("protocols/fast.yaml"), PROTOCOL.replace("Repeat 2 times", "Repeat 5 times"));
        assertTrue(Files.isRegularFile(dir.resolve("inputs/protocols/fast.yaml")), "protocol copied into inputs");

        int before = count(dir, "\"resumed\":true");
        Process first = cellbench("resume", dir.toString());
        killOnceRunning(first, () -> count(dir, "\"resumed\":true") > before, random, context);

        Process last = cellbench("resume", dir.toString());
        assertEquals(0, finish(last), context);

        try (RunReader data = RunReader.open(dir); RunReader ref = RunReader.open(reference)) {
            for (String cell : List.of("c1", "c2")) {
                CellEntry entry = data.manifest().cell(cell).orElseThrow();
                assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), entry.outcome(), cell + ", " + context);
                int resumes = entry.starts() - 1;
                List<Sample> samples = new ArrayList<>();
                data.samples(cell, samples::add);
                int gaps = checkContinuity(cell, samples, resumeTimes(dir, cell), context);
                assertEquals(resumes, gaps, cell + ": one gap in the data per resume, " + context);
                assertEquals(resumes, countLines(dir, cell, "resumed after an interruption of"),
                        cell + ": one notice per resume, " + context);
                compareCycles(cell, ref.cycles(cell), data.cycles(cell), context);
            }
        }
    }

    /** Checks the cell's samples; returns how many interruptions (test-time gaps) it has. */
    private static int checkContinuity(String cell, List<Sample> samples, List<Double> resumedAt, String context) {
        assertTrue(samples.size() > 100, cell + " has data");
        int gaps = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            String at = cell + " sample " + i + ", from " + a + " to " + b + ", " + context;
            double dt = b.testTimeSecond() - a.testTimeSecond();
            assertTrue(dt > 0, "test time strictly increasing: " + at);
            assertTrue(b.unixTimeSecond() > a.unixTimeSecond(), "unix time strictly increasing: " + at);
            assertTrue(b.cycleCount() == a.cycleCount() || b.cycleCount() == a.cycleCount() + 1, "cycle count: " + at);
            assertTrue(b.stepCount() == a.stepCount() || b.stepCount() == a.stepCount() + 1, "step count: " + at);
            assertTrue(b.cumulativeCapacityAh() >= a.cumulativeCapacityAh(), "cumulative capacity: " + at);
            if (b.stepCount() == a.stepCount()) {
                assertTrue(b.stepCapacityAh() >= a.stepCapacityAh(), "step capacity within a step: " + at);
            }
            if (b.cycleCount() == a.cycleCount()) {
                assertTrue(b.chargingCapacityAh() >= a.chargingCapacityAh(), "charge capacity within a cycle: " + at);
                assertTrue(b.dischargingCapacityAh() >= a.dischargingCapacityAh(), "discharge capacity: " + at);
            }
            // Samples are logged every 10 s while the process runs (more when the machine
            // pauses the child: 50 ms are 100 s here); a restart takes over a second of wall
            // time, 2000 s of test time. Across an interruption the counters go on from where
            // they were: only the current since the resume (one sample period, more if the
            // fresh JVM paused) is added, nothing for the downtime.
            if (dt > 1000) {
                gaps++;
                double resume = resumedAt.stream().filter(t -> t < b.unixTimeSecond()).reduce((x, y) -> y)
                        .orElseThrow(() -> new AssertionError("a gap without a resume: " + at));
                assertTrue(resume > a.unixTimeSecond(), "the resume lies in the gap: " + at);
                double maxAh = MAX_ABS_CURRENT_AMPERE * (b.unixTimeSecond() - resume) / 3600;
                assertTrue(b.cumulativeCapacityAh() - a.cumulativeCapacityAh() <= maxAh,
                        "cumulative capacity continuous across the interruption: " + at);
                assertTrue(Math.abs(b.netCapacityAh() - a.netCapacityAh()) <= maxAh,
                        "net capacity continuous across the interruption: " + at);
                if (b.stepCount() == a.stepCount()) {
                    assertTrue(b.stepCapacityAh() - a.stepCapacityAh() <= maxAh,
                            "step capacity continuous across the interruption: " + at);
                }
            }
        }
        return gaps;
    }

    private static void compareCycles(String cell, List<CycleSummary> expected, List<CycleSummary> actual,
                                      String context) {
        assertEquals(expected.size(), actual.size(), cell + ": cycles, " + context);
        for (int i = 0; i < expected.size(); i++) {
            CycleSummary e = expected.get(i);
            CycleSummary a = actual.get(i);
            String at = cell + " cycle " + e.cycleCount() + ": expected " + e + ", got " + a + ", " + context;
            assertEquals(e.cycleCount(), a.cycleCount(), at);
            assertEquals(e.chargeCapacityAh(), a.chargeCapacityAh(), 0.10 * e.chargeCapacityAh(), at);
            assertEquals(e.dischargeCapacityAh(), a.dischargeCapacityAh(), 0.10 * e.dischargeCapacityAh(), at);
        }
    }

    /** Waits until the process has got going, then kills it (SIGKILL) at a random moment. */
    private static void killOnceRunning(Process p, Supplier<Boolean> going, Random random, String context)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!going.get()) {
            assertTrue(p.isAlive(), "the process ended before it got going, " + context);
            assertTrue(System.nanoTime() < deadline, "the process did not get going in 30 s, " + context);
            Thread.sleep(20);
        }
        Thread.sleep(300 + random.nextInt(1500));
        assertTrue(p.isAlive(), "still running when killed (make the protocol longer), " + context);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cellbench did not finish in 60 s");
        }
        return p.exitValue();
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

    private static int count(Path dir, String needle) {
        try {
            Path events = dir.resolve("events.jsonl");
            if (!Files.exists(events)) {
                return 0;
            }
            return (int) Files.readAllLines(events).stream().filter(l -> l.contains(needle)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The unix times at which the cell's run was resumed, from events.jsonl. */
    private static List<Double> resumeTimes(Path dir, String cell) throws IOException {
        java.util.regex.Pattern time = java.util.regex.Pattern.compile("\"unix_time_second\":([0-9.E]+)");
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            if (line.contains("\"RunStarted\"") && line.contains("\"cell_id\":\"" + cell + "\"")
                    && line.contains("\"resumed\":true")) {
                java.util.regex.Matcher m = time.matcher(line);
                assertTrue(m.find(), line);
                out.add(Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }

    private static int countLines(Path dir, String cell, String needle) throws IOException {
        return (int) Files.readAllLines(dir.resolve("events.jsonl")).stream()
                .filter(l -> l.contains("\"cell_id\":\"" + cell + "\"") && l.contains(needle)).count();
    }
}
