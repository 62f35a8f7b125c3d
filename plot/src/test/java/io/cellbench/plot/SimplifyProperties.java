package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class SimplifyProperties {

    @Property
    void everyDroppedPointLiesWithinToleranceOfTheDrawnLine(@ForAll @IntRange(min = 2, max = 2000) int n,
                                                            @ForAll long seed,
                                                            @ForAll @DoubleRange(min = 0.05, max = 3) double tolerance) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + random.nextDouble() * 2;
            y[i] = y[i - 1] + random.nextGaussian();
        }
        boolean[] keep = new boolean[n];
        Simplify.mark(x, y, 0, n - 1, tolerance, keep);
        assertTrue(keep[0] && keep[n - 1], "both ends are drawn");
        int a = 0;
        for (int b = 1; b < n; b++) {
            if (!keep[b]) {
                continue;
            }
            for (int i = a + 1; i < b; i++) {
                double d = distanceToSegment(x[i], y[i], x[a], y[a], x[b], y[b]);
                assertTrue(d <= tolerance + 1e-9, "point " + i + " is " + d + " px off the line " + a + "–" + b);
            }
            a = b;
        }
    }

    @Property
    void aStraightLineNeedsOnlyItsEnds(@ForAll @IntRange(min = 2, max = 5000) int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 0.5 * i;
        }
        boolean[] keep = new boolean[n];
        Simplify.mark(x, y, 0, n - 1, 0.25, keep);
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        assertTrue(kept == 2, kept + " points kept on a straight line");
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}
