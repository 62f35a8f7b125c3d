package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.influx.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * InfluxDB against the files, once it is back and drained: every row of the Arrow files is a
 * point in InfluxDB with the same values; the points beyond them are the samples each kill cost.
 * InfluxDB gets every recorded sample (spooled, fsync'd, before the sample goes anywhere else),
 * so what it has and the files lack is exactly what a kill lost: the measure of that loss.
 */
final class NightInflux {
    /**
     * The most a kill may cost, in wall-clock seconds of records: the journal writes (with the
     * data) at the first record at least 1 s of wall time and 30 s of test time after its last
     * write, so the records since then are what a kill loses; records come every logging
     * period at the most (1.5 s here), so none lost is more than 1 s plus one logging period
     * after the last one kept. At this speed that is one logging period and a little: the
     * issue's "one sample period of wall time" for the records a run keeps.
     */
    static final double LOSS_WALL_SECONDS = 1.0 + NightInputs.LOGGING_PERIOD / HostileNightSoakTest.SPEED;

    private NightInflux() {
    }

    /** A sample's time as the InfluxDB sink writes it, in µs (see ResumeInfluxTest#micros). */
    static long micros(Sample s) {
        return Timestamps.nanos(s.unixTimeSecond()) / 1_000;
    }

    static void holdsTheFiles(String cell, List<Sample> files, List<Sample> points, String context) {
        Map<Long, Sample> influx = byTime(points);
        assertEquals(points.size(), influx.size(), cell + ": no time twice in InfluxDB, " + context);
        for (Sample s : files) {
            Sample p = influx.get(micros(s));
            assertTrue(p != null, cell + ": the sample at " + s.unixTimeSecond() + " (test time " + s.testTimeSecond()
                    + " s) is in the files, not in InfluxDB, " + context);
            String at = cell + " at test time " + s.testTimeSecond() + ": files " + s + ", InfluxDB " + p + ", " + context;
            assertEquals(s.testTimeSecond(), p.testTimeSecond(), 1e-6, at);
            assertEquals(s.voltageVolt(), p.voltageVolt(), 1e-9, at);
            assertEquals(s.currentAmpere(), p.currentAmpere(), 1e-12, at);
            assertEquals(s.stepCount(), p.stepCount(), at);
            assertEquals(s.cycleCount(), p.cycleCount(), at);
            assertEquals(s.stepCapacityAh(), p.stepCapacityAh(), 1e-12, at);
            assertEquals(s.cumulativeCapacityAh(), p.cumulativeCapacityAh(), 1e-12, at);
        }
    }

    /**
     * The points InfluxDB has beyond the files, each in the interruption of a kill (after the
     * last sample kept before the resume, before the resume), and per kill no later than
     * {@link #LOSS_WALL_SECONDS} after the last sample kept. Returns a line of what each kill lost.
     */
    static String losses(String cell, List<Sample> files, List<Sample> points, List<Double> resumes, String context) {
        TreeMap<Long, Sample> kept = byTime(files);
        Map<Long, Sample> influx = byTime(points);
        double[] worst = new double[resumes.size()];
        int[] lost = new int[resumes.size()];
        for (Map.Entry<Long, Sample> e : influx.entrySet()) {
            if (kept.containsKey(e.getKey())) {
                continue;
            }
            Sample p = e.getValue();
            int k = (int) resumes.stream().filter(r -> r <= p.unixTimeSecond()).count(); // the kill after it
            assertTrue(k < resumes.size(), cell + ": InfluxDB has a point the files lack after the last resume: " + p
                    + ", " + context);
            Map.Entry<Long, Sample> before = kept.lowerEntry(e.getKey());
            Map.Entry<Long, Sample> after = kept.higherEntry(e.getKey());
            assertTrue(after == null || after.getValue().unixTimeSecond() >= resumes.get(k), cell + ": a point InfluxDB"
                    + " has and the files lack, " + p + ", is not in an interruption (the files go on at "
                    + after.getValue() + " before the resume at " + resumes.get(k) + "), " + context);
            double wall = before == null ? 0 : (p.unixTimeSecond() - before.getValue().unixTimeSecond())
                    / HostileNightSoakTest.SPEED;
            worst[k] = Math.max(worst[k], wall);
            lost[k]++;
        }
        List<String> each = new ArrayList<>();
        double max = 0;
        int total = 0;
        for (int k = 0; k < worst.length; k++) {
            assertTrue(worst[k] <= LOSS_WALL_SECONDS, String.format(Locale.ROOT, "%s: kill %d lost records up to %.2f s"
                    + " of wall time after the last one kept, more than the journal allows (%.2f s), %s", cell, k + 1,
                    worst[k], LOSS_WALL_SECONDS, context));
            max = Math.max(max, worst[k]);
            total += lost[k];
            each.add(lost[k] + "");
        }
        return String.format(Locale.ROOT, "%s: the kills lost %d records in all (per kill: %s), each at most %.2f s of"
                + " wall time after the last kept (allowed %.2f s)", cell, total, String.join(" ", each), max,
                LOSS_WALL_SECONDS);
    }

    private static TreeMap<Long, Sample> byTime(List<Sample> samples) {
        TreeMap<Long, Sample> out = new TreeMap<>();
        samples.forEach(s -> out.put(micros(s), s));
        return out;
    }
}
