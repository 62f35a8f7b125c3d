package io.cellbench.plot;

import java.util.ArrayDeque;

/**
 * Ramer–Douglas–Peucker on screen coordinates: drops the points that lie within
 * {@code tolerance} pixels of the line through their neighbours. A curve of thousands of
 * samples becomes the few hundred vertices that make a difference on screen, which keeps
 * an SVG small and drawing quick without changing what is seen.
 */
final class Simplify {
    private Simplify() {
    }

    /** Marks in {@code keep} the points of {@code [from, to]} to draw; both ends are always kept. */
    static void mark(double[] x, double[] y, int from, int to, double tolerance, boolean[] keep) {
        keep[from] = true;
        keep[to] = true;
        ArrayDeque<int[]> spans = new ArrayDeque<>();
        spans.push(new int[] {from, to});
        double tol2 = tolerance * tolerance;
        while (!spans.isEmpty()) {
            int[] span = spans.pop();
            int a = span[0];
            int b = span[1];
            if (b - a < 2) {
                continue;
            }
            double dx = x[b] - x[a];
            double dy = y[b] - y[a];
            double len2 = dx * dx + dy * dy;
            int worst = -1;
            double worstDist2 = tol2;
            for (int i = a + 1; i < b; i++) {
                double d2;
                if (len2 == 0) {
                    double ex = x[i] - x[a];
                    double ey = y[i] - y[a];
                    d2 = ex * ex + ey * ey;
                } else {
                    double cross = (x[i] - x[a]) * dy - (y[i] - y[a]) * dx;
                    double t = ((x[i] - x[a]) * dx + (y[i] - y[a]) * dy) / len2;
                    if (t < 0) {
                        d2 = sq(x[i] - x[a]) + sq(y[i] - y[a]);
                    } else if (t > 1) {
                        d2 = sq(x[i] - x[b]) + sq(y[i] - y[b]);
                    } else {
                        d2 = cross * cross / len2;
                    }
                }
                if (d2 > worstDist2) {
                    worstDist2 = d2;
                    worst = i;
                }
            }
            if (worst >= 0) {
                keep[worst] = true;
                spans.push(new int[] {a, worst});
                spans.push(new int[] {worst, b});
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
