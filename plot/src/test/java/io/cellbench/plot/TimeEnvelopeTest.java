package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimeEnvelopeTest {

    @Test
    void aShortSeriesIsKeptWhole() {
        TimeEnvelope e = new TimeEnvelope(1500);
        double[] t = new double[720];
        double[] v = new double[720];
        for (int i = 0; i < t.length; i++) {
            t[i] = 60.0 * i;
            v[i] = 3 + Math.sin(i / 30.0);
            e.add(t[i], v[i]);
        }
        Curve c = e.curve();
        assertArrayEquals(t, c.x());
        assertArrayEquals(v, c.y());
    }

    @Test
    void aOneSamplePulseInAMonthOfSecondsIsKeptInBoundedMemory() {
        TimeEnvelope e = new TimeEnvelope(1500);
        int n = 30 * 86400;
        int pulse = 1_234_567;
        for (int i = 0; i < n; i++) {
            e.add(i, i == pulse ? 5.0 : 1.0 + 1e-3 * (i % 7));
        }
        Curve c = e.curve();
        assertTrue(c.size() <= 4 * 1500, c.size() + " points");
        assertTrue(e.span() * 1500 >= n - 1, "span " + e.span() + " s covers the month in 1500 spans");
        int at = indexOf(c.y(), 5.0);
        assertTrue(at >= 0, "the pulse is drawn");
        assertEquals(pulse, c.x()[at]);
        assertEquals(0, c.x()[0]);
        assertEquals(n - 1, c.x()[c.size() - 1], "the last sample is drawn");
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.x()[i] > c.x()[i - 1], "time order at " + i);
        }
    }

    @Test
    void notMeasuredValuesAreLeftOut() {
        TimeEnvelope e = new TimeEnvelope(100);
        e.add(0, Double.NaN);
        assertTrue(e.isEmpty());
        e.add(1, 2);
        e.add(Double.NaN, 3);
        e.add(2, Double.NaN);
        assertArrayEquals(new double[] {1}, e.curve().x());
    }

    /** Each final span's lowest and highest value (and its first and last point) are among the points kept. */
    @Property(tries = 60)
    void everySpanKeepsItsExtremesFirstAndLast(@ForAll long seed,
                                               @ForAll @IntRange(min = 2, max = 400) int capacity,
                                               @ForAll @IntRange(min = 1, max = 50_000) int n) {
        Random random = new Random(seed);
        TimeEnvelope e = new TimeEnvelope(capacity);
        double[] t = new double[n];
        double[] v = new double[n];
        double time = random.nextDouble() * 1e5;
        for (int i = 0; i < n; i++) {
            time += random.nextDouble() < 0.01 ? random.nextDouble() * 1e4 : random.nextDouble() * 2;
            t[i] = time;
            v[i] = random.nextGaussian() * (random.nextDouble() < 0.001 ? 100 : 1);
            e.add(t[i], v[i]);
        }
        Curve kept = e.curve();
        assertTrue(kept.size() <= 4 * capacity, kept.size() + " points for " + capacity + " spans");
        double span = e.span();
        assertTrue((t[n - 1] - t[0]) / span < capacity, "spans cover the series");
        Map<Long, double[]> expected = extremes(t, v, t[0], span);
        Map<Long, double[]> drawn = extremes(kept.x(), kept.y(), t[0], span);
        assertEquals(expected.keySet(), drawn.keySet(), "seed " + seed);
        expected.forEach((k, x) -> assertArrayEquals(x, drawn.get(k), "span " + k + ", seed " + seed));
    }

    /** Per span: lowest value, highest value, first time, last time. */
    private static Map<Long, double[]> extremes(double[] t, double[] v, double origin, double span) {
        Map<Long, double[]> out = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            long k = (long) ((t[i] - origin) / span);
            double[] x = out.computeIfAbsent(k, key -> new double[] {Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            x[0] = Math.min(x[0], v[i]);
            x[1] = Math.max(x[1], v[i]);
            x[2] = Math.min(x[2], t[i]);
            x[3] = Math.max(x[3], t[i]);
        }
        return out;
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
