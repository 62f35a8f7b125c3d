package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
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
 * sample twice, counters continuous across each interruption (only the current since the
 * resume added, nothing for the downtime), one notice per resume, every cell completed with
 * the cycles of an uninterrupted run.
 *
 * <p>Two speeds. At {@code --speed 2000} the downtime is a real gap in test time (2000 s per
 * second of downtime), as in the lab. The cycle values are not compared there: in scaled time
 * a pause of the child process (50 ms on a loaded machine are 100 s of 2C current past a
 * cut-off) changes capacities by percents, even without any interruption (measured: up to
 * 36 % on a cycle under a load of 9 on 2 cores). At full speed every cell runs in virtual time,
 * so the run is deterministic whatever the load, and the cycle summary must equal the
 * uninterrupted run's within 1 % per cycle (charge and discharge capacity). What remains of
 * the interruption there is only the lost, unwritten samples being simulated again from the
 * journaled state, with fresh instrument noise; double counting a step's capacity, the
 * failure this guards against, is 10 % or more.
 */
class ResumeTest {
    private static final double MAX_ABS_CURRENT_AMPERE = 0.0045; // 2C of 2 mAh, with margin

    private static final String PROTOCOL = """
            name: fast cycling
            limits:
              voltage: [1.0 V, 4.5 V]
            logging:
              period: 10 s
              sample_period: {period}
            steps:
              - Set pressure to 20 MPa and wait until stable
              - Rest for 2 minutes
              - Repeat {cycles} times:
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
    void atScaledSpeedARunKilledTwiceAndResumedReadsAsOneRun() throws Exception {
        killTwiceAndResume("2000", PROTOCOL.replace("{period}", "5 s").replace("{cycles}", "2"), Double.NaN);
    }

    @Test
    void atFullSpeedAKilledAndResumedRunHasTheCyclesOfAnUninterruptedOne() throws Exception {
        killTwiceAndResume("max", PROTOCOL.replace("{period}", "1 s").replace("{cycles}", "40"), 0.01);
    }

    /** @param tolerance relative, for each cycle's capacities; NaN to compare only the cycle count */
    private void killTwiceAndResume(String speed, String protocol, double tolerance) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("protocols"));
        Files.writeString(in.resolve("protocols/fast.yaml"), protocol);
        Path schedule = in.resolve("schedule.yaml");
        Files.writeString(schedule, SCHEDULE);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String context = "random seed " + seed;

        Path reference = tmp.resolve("reference");
        Process plain = cellbench("run", schedule.toString(), "--simulate", "--speed", speed, "--out",
                reference.toString());
        waitUntil(plain, () -> count(reference, "\"RunStarted\"") >= 2, context);
        long t0 = System.nanoTime();
        int plainExit = finish(plain);
        if (!Double.isNaN(tolerance)) {
            assertEquals(0, plainExit, "the uninterrupted run, " + context);
        }
        // How long the cells run, here and now: the kills fall within it. How far they get, in
        // steps started, caps each wait: when the load falls between the runs, a kill timed
        // from the reference alone could come after the run had ended.
        long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int steps = count(reference, "\"StepStarted\"");

        Path dir = tmp.resolve("run");
        Process run = cellbench("run", schedule.toString(), "--simulate", "--speed", speed, "--out", dir.toString());
        waitUntil(run, () -> count(dir, "\"RunStarted\"") >= 2, context);
        sleepUnlessPast(run, (long) (runMillis * (0.15 + 0.3 * random.nextDouble())), dir, steps / 2);
        kill(run, context);
        // The originals change after the start: a resume must use the copies in DIR/inputs.
        Files.writeString(in.resolve("protocols/fast.yaml"), "name: [this is no protocol");
        assertTrue(Files.isRegularFile(dir.resolve("inputs/protocols/fast.yaml")), "protocol copied into inputs");

        int before = count(dir, "\"resumed\":true");
        Process first = cellbench("resume", dir.toString());
        waitUntil(first, () -> count(dir, "\"resumed\":true") > before, context);
        sleepUnlessPast(first, (long) (runMillis * (0.05 + 0.25 * random.nextDouble())), dir,
                count(dir, "\"StepStarted\"") + steps / 3);
        kill(first, context);

        Process last = cellbench("resume", dir.toString());
        assertEquals(0, finish(last), context);

        try (RunReader data = RunReader.open(dir); RunReader ref = RunReader.open(reference)) {
            for (String cell : List.of("c1", "c2")) {
                CellEntry entry = data.manifest().cell(cell).orElseThrow();
                assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), entry.outcome(), cell + ", " + context);
                int resumes = entry.starts() - 1;
                List<Sample> samples = new ArrayList<>();
                data.samples(cell, samples::add);
                List<double[]> resumedAt = resumes(dir, cell);
                assertEquals(resumes, resumedAt.size(), cell + ": resumed starts, " + context);
                assertTrue(resumes >= 1, cell + " was resumed, " + context);
                checkContinuity(cell, samples, resumedAt, context);
                assertEquals(resumes, countLines(dir, cell, "resumed after an interruption of"),
                        cell + ": one notice per resume, " + context);
                compareCycles(cell, ref.cycles(cell), data.cycles(cell), tolerance, context);
            }
        }
    }

    /** Checks the cell's samples over all segments, and across each resume. */
    private static void checkContinuity(String cell, List<Sample> samples, List<double[]> resumedAt, String context) {
        assertTrue(samples.size() > 100, cell + " has data");
        int crossed = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            String at = cell + " sample " + i + ", from " + a + " to " + b + ", " + context;
            double dt = b.testTimeSecond() - a.testTimeSecond();
            assertTrue(dt > 0, "test time strictly increasing: " + at);
            assertTrue(b.unixTimeSecond() > a.unixTimeSecond(), "unix time strictly increasing: " + at);
            boolean acrossResume = resumedAt.stream()
                    .anyMatch(r -> a.unixTimeSecond() - 1e-6 <= r[0] && r[0] < b.unixTimeSecond());
            // Samples not yet written when the process died are lost, possibly whole short
            // steps: across a resume the counts may jump, elsewhere they go up by one.
            int maxStep = acrossResume ? Integer.MAX_VALUE - a.stepCount() : 1;
            assertTrue(b.cycleCount() >= a.cycleCount() && b.cycleCount() - a.cycleCount() <= maxStep,
                    "cycle count: " + at);
            assertTrue(b.stepCount() >= a.stepCount() && b.stepCount() - a.stepCount() <= maxStep, "step count: " + at);
            assertTrue(b.cumulativeCapacityAh() >= a.cumulativeCapacityAh(), "cumulative capacity: " + at);
            if (b.stepCount() == a.stepCount()) {
                assertTrue(b.stepCapacityAh() >= a.stepCapacityAh(), "step capacity within a step: " + at);
            }
            if (b.cycleCount() == a.cycleCount()) {
                assertTrue(b.chargingCapacityAh() >= a.chargingCapacityAh(), "charge capacity within a cycle: " + at);
                assertTrue(b.dischargingCapacityAh() >= a.dischargingCapacityAh(), "discharge capacity: " + at);
            }
            // Across a resume the counters go on from the journaled position (at or after the
            // last sample on disk): only the current up to that position and since the resume
            // is added, nothing for the downtime between them.
            for (double[] r : resumedAt) {
                double resume = r[0];
                double journaled = r[0] - r[1];
                if (!(a.unixTimeSecond() - 1e-6 <= resume && resume < b.unixTimeSecond())) {
                    continue;
                }
                crossed++;
                assertTrue(journaled >= a.unixTimeSecond() - 1, "the journal is not behind the data: " + at);
                double sourcing = (journaled - a.unixTimeSecond()) + (b.unixTimeSecond() - resume) + 1;
                double maxAh = MAX_ABS_CURRENT_AMPERE * sourcing / 3600;
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
        assertEquals(resumedAt.size(), crossed, cell + ": every resume lies between two samples, " + context);
    }

    private static void compareCycles(String cell, List<CycleSummary> expected, List<CycleSummary> actual,
                                      double tolerance, String context) {
        assertEquals(expected.size(), actual.size(), cell + ": cycles, " + context);
        for (int i = 0; i < expected.size(); i++) {
            CycleSummary e = expected.get(i);
            CycleSummary a = actual.get(i);
            String at = String.format(java.util.Locale.ROOT,
                    "%s cycle %d: uninterrupted %.6f / %.6f mAh (start %.0f s), resumed %.6f / %.6f mAh (start %.0f s), %s",
                    cell, e.cycleCount(), e.chargeCapacityAh() * 1e3, e.dischargeCapacityAh() * 1e3,
                    e.startTestTimeSecond(), a.chargeCapacityAh() * 1e3, a.dischargeCapacityAh() * 1e3,
                    a.startTestTimeSecond(), context);
            assertEquals(e.cycleCount(), a.cycleCount(), at);
            if (!Double.isNaN(tolerance)) {
                assertEquals(e.chargeCapacityAh(), a.chargeCapacityAh(), tolerance * e.chargeCapacityAh(), at);
                assertEquals(e.dischargeCapacityAh(), a.dischargeCapacityAh(), tolerance * e.dischargeCapacityAh(), at);
            }
        }
    }

    /** Waits until the process has got going (its cells started). */
    private static void waitUntil(Process p, Supplier<Boolean> going, String context) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!going.get()) {
            assertTrue(p.isAlive(), "the process ended before it got going, " + context);
            assertTrue(System.nanoTime() < deadline, "the process did not get going in 30 s, " + context);
            Thread.sleep(10);
        }
    }

    /** Sleeps {@code millis}, or less once the run in {@code dir} has started {@code steps} steps. */
    private static void sleepUnlessPast(Process p, long millis, Path dir, int steps) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end && p.isAlive() && count(dir, "\"StepStarted\"") < steps) {
            Thread.sleep(50);
        }
    }

    /** SIGKILL, as a crash would. */
    private static void kill(Process p, String context) throws InterruptedException {
        assertTrue(p.isAlive(), "still running when killed (the machine ran faster than the reference), " + context);
        p.destroyForcibly();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cellbench did not finish in 60 s");
        }
        return p.exitValue();
    }

    private Process cellbench(String... args) throws IOException {
        return ChildProcess.cellbench(tmp.resolve("cellbench-" + System.nanoTime() + ".log"), args);
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

    /**
     * Each resume of the cell, from events.jsonl: {unix time of the resumed RunStarted, the
     * interruption in seconds its notice reports}.
     */
    private static List<double[]> resumes(Path dir, String cell) throws IOException {
        java.util.regex.Pattern time = java.util.regex.Pattern.compile("\"unix_time_second\":([0-9.E]+)");
        java.util.regex.Pattern gap = java.util.regex.Pattern.compile("resumed after an interruption of ([0-9]+) s");
        List<Double> starts = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            if (!line.contains("\"cell_id\":\"" + cell + "\"")) {
                continue;
            }
            java.util.regex.Matcher g = gap.matcher(line);
            if (g.find()) {
                gaps.add(Double.parseDouble(g.group(1)));
            } else if (line.contains("\"RunStarted\"") && line.contains("\"resumed\":true")) {
                java.util.regex.Matcher m = time.matcher(line);
                assertTrue(m.find(), line);
                starts.add(Double.parseDouble(m.group(1)));
            }
        }
        assertEquals(starts.size(), gaps.size(), cell + ": one notice per resume");
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            out.add(new double[] {starts.get(i), gaps.get(i)});
        }
        return out;
    }

    private static int countLines(Path dir, String cell, String needle) throws IOException {
        return (int) Files.readAllLines(dir.resolve("events.jsonl")).stream()
                .filter(l -> l.contains("\"cell_id\":\"" + cell + "\"") && l.contains(needle)).count();
    }
}
