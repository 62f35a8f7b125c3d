package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import io.cellbench.testing.Await;
import io.cellbench.testing.Seeds;
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
 * resume added, nothing for the downtime; a continued step's Step Record Index counting on from
 * its last sample on disk), one notice per resume, every cell completed with
 * the cycles of an uninterrupted run.
 *
 * <p>Two speeds. At full speed every cell runs in virtual time, so the run is deterministic
 * whatever the load, and the cycle summary must equal the uninterrupted run's within 1 % per
 * cycle (charge and discharge capacity). What remains of the interruption there is only the
 * lost, unwritten samples being simulated again from the journaled state, with fresh instrument
 * noise; double counting a step's capacity, the failure this guards against, is 10 % or more.
 *
 * <p>At {@code --speed 2000} the downtime is a real gap in test time (2000 s per second of
 * downtime), as in the lab, and the cell lives on the wall clock: a pause of the child process
 * (50 ms on a loaded machine are 100 s of 2C current) lets a cut-off pass unseen until the next
 * read, so capacities move by percents even without an interruption (measured: up to 36 % on a
 * cycle under a load of 9 on 2 cores). The comparison there allows what such pauses can do, read
 * from the runs themselves ({@link #overshootAh}): 1 % plus three of the longest read gaps of
 * each run at the highest current.
 *
 * <p>The kill moments are drawn from a seed that is printed; {@code -Dcellbench.seed=N} replays
 * it (the moments are shares of the reference run's time, so a replay kills at the same point of
 * the run only on a machine as fast as the first).
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

    /**
     * Capacity lost or gained to noise and to the lost samples simulated again: the same in both
     * variants.
     */
    private static final double RELATIVE_TOLERANCE = 0.01;
    /**
     * The cut-offs that decide a cycle's capacities: charge to 3.7 V, hold until C/5, discharge
     * to 1.9 V. Each is seen at the first read after it is reached, so a late read moves the
     * capacity by at most the current over the gap; a charge also starts where the last discharge
     * stopped, and a discharge where the charge stopped, so three gaps bound either capacity.
     */
    private static final int CUT_OFFS_PER_CYCLE = 3;

    @Test
    void atScaledSpeedARunKilledTwiceAndResumedReadsAsOneRun() throws Exception {
        killTwiceAndResume("2000", PROTOCOL.replace("{period}", "5 s").replace("{cycles}", "2"), true);
    }

    @Test
    void atFullSpeedAKilledAndResumedRunHasTheCyclesOfAnUninterruptedOne() throws Exception {
        killTwiceAndResume("max", PROTOCOL.replace("{period}", "1 s").replace("{cycles}", "40"), false);
    }

    /** @param wallClock the cells live on the wall clock (scaled speed): pauses of the process move cut-offs */
    private void killTwiceAndResume(String speed, String protocol, boolean wallClock) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("protocols"));
        Files.writeString(in.resolve("protocols/fast.yaml"), protocol);
        Path schedule = in.resolve("schedule.yaml");
        Files.writeString(schedule, SCHEDULE);
        long seed = Seeds.seed("ResumeTest at speed " + speed);
        Random random = new Random(seed);
        String context = "random " + Seeds.replay(seed);

        Path reference = tmp.resolve("reference");
        Process plain = cellbench("run", schedule.toString(), "--simulate", "--speed", speed, "--out",
                reference.toString());
        waitUntil(plain, () -> count(reference, "\"RunStarted\"") >= 2, context);
        long t0 = System.nanoTime();
        assertEquals(0, finish(plain), "the uninterrupted run, " + context);
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
                double overshootAh = 0;
                if (wallClock) {
                    List<Sample> uninterrupted = new ArrayList<>();
                    ref.samples(cell, uninterrupted::add);
                    overshootAh = overshootAh(uninterrupted, List.of()) + overshootAh(samples, resumedAt);
                }
                System.out.printf(java.util.Locale.ROOT, "ResumeTest at speed %s, %s: cycle capacities within %.0f %%"
                        + " + %.4f mAh%n", speed, cell, 100 * RELATIVE_TOLERANCE, overshootAh * 1e3);
                compareCycles(cell, ref.cycles(cell), data.cycles(cell), overshootAh, context);
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
            // BDF's Step Record Index counts the step's data points in the file, a resume or not
            // (a step continued after a kill counted from 1 again)
            assertEquals(b.stepCount() == a.stepCount() ? a.stepRecordIndex() + 1 : 1, b.stepRecordIndex(),
                    "step record index: " + at);
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

    /**
     * What late reads can do to a cycle's capacity in a run on the wall clock: the largest gap
     * between two recorded samples of a step with current flowing (the read that ends a step is
     * recorded, and every read lies between two recorded samples, so no read gap is longer), at
     * the highest current, for each cut-off of a cycle. Across a resume only the time the
     * counters count is a gap: up to the journaled position, and from the resume on (as in
     * {@link #checkContinuity}). Rests, the pressure set-up and the sweep move no charge.
     */
    private static double overshootAh(List<Sample> samples, List<double[]> resumedAt) {
        double longest = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            if (b.stepCount() != a.stepCount() || Math.abs(b.currentAmpere()) < 1e-9) {
                continue; // no charge moved between them
            }
            double gap = b.testTimeSecond() - a.testTimeSecond();
            for (double[] r : resumedAt) {
                if (a.unixTimeSecond() - 1e-6 <= r[0] && r[0] < b.unixTimeSecond()) {
                    gap = (r[0] - r[1] - a.unixTimeSecond()) + (b.unixTimeSecond() - r[0]) + 1;
                }
            }
            longest = Math.max(longest, gap);
        }
        return CUT_OFFS_PER_CYCLE * MAX_ABS_CURRENT_AMPERE * longest / 3600;
    }

    /** Each cycle's capacities within {@link #RELATIVE_TOLERANCE} plus {@code overshootAh}. */
    private static void compareCycles(String cell, List<CycleSummary> expected, List<CycleSummary> actual,
                                      double overshootAh, String context) {
        assertEquals(expected.size(), actual.size(), cell + ": cycles, " + context);
        double largest = 0;
        for (int i = 0; i < expected.size(); i++) {
            largest = Math.max(largest, Math.max(Math.abs(expected.get(i).chargeCapacityAh() - actual.get(i).chargeCapacityAh()),
                    Math.abs(expected.get(i).dischargeCapacityAh() - actual.get(i).dischargeCapacityAh())));
        }
        System.out.printf(java.util.Locale.ROOT, "ResumeTest %s: largest capacity difference from the uninterrupted run"
                + " %.4f mAh%n", cell, largest * 1e3);
        for (int i = 0; i < expected.size(); i++) {
            CycleSummary e = expected.get(i);
            CycleSummary a = actual.get(i);
            String at = String.format(java.util.Locale.ROOT,
                    "%s cycle %d: uninterrupted %.6f / %.6f mAh (start %.0f s), resumed %.6f / %.6f mAh (start %.0f s), %s",
                    cell, e.cycleCount(), e.chargeCapacityAh() * 1e3, e.dischargeCapacityAh() * 1e3,
                    e.startTestTimeSecond(), a.chargeCapacityAh() * 1e3, a.dischargeCapacityAh() * 1e3,
                    a.startTestTimeSecond(), context);
            assertEquals(e.cycleCount(), a.cycleCount(), at);
            assertEquals(e.chargeCapacityAh(), a.chargeCapacityAh(),
                    RELATIVE_TOLERANCE * e.chargeCapacityAh() + overshootAh, at);
            assertEquals(e.dischargeCapacityAh(), a.dischargeCapacityAh(),
                    RELATIVE_TOLERANCE * e.dischargeCapacityAh() + overshootAh, at);
        }
    }

    /** Waits until the process has got going (its cells started). */
    private static void waitUntil(Process p, Supplier<Boolean> going, String context) throws InterruptedException {
        Await.until(() -> "the process got going, " + context, () -> {
            assertTrue(p.isAlive(), "the process ended before it got going, " + context);
            return going.get();
        });
    }

    /**
     * Sleeps {@code millis}, or less once the run in {@code dir} has started {@code steps} steps:
     * the random moment of a crash (drawn from the printed seed), not a wait for something to
     * happen, so a fixed time is what it means; the step count keeps it inside the run.
     */
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
