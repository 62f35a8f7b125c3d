package io.cellbench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * One curve as drawn: its points, colour, stroke and, optionally, a marker at every point.
 * NaN in x or y breaks the line, so one trace can hold both halves of a cycle.
 */
record Trace(double[] x, double[] y, Color colour, BasicStroke stroke, Marker marker) {

    /** Points closer than this (pixels) to the line through their neighbours are not drawn. */
    static final double TOLERANCE_PX = 0.25;

    Trace {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
    }

    /** Draws the line as one path (an SVG gets one element per curve) and then the markers. */
    void paint(Graphics2D g, ScreenMap map, int markerSize, BasicStroke markerOutline) {
        double[] sx = new double[x.length];
        double[] sy = new double[y.length];
        for (int i = 0; i < sx.length; i++) {
            sx[i] = map.x(x[i]);
            sy[i] = map.y(y[i]);
        }
        g.setColor(colour);
        if (stroke != null) { // null: markers alone (measured points under a fitted curve)
            g.setStroke(stroke);
            g.draw(path(sx, sy));
        }
        if (marker != null) {
            g.setStroke(markerOutline);
            for (int i = 0; i < sx.length; i++) {
                if (Double.isFinite(sx[i]) && Double.isFinite(sy[i]) && map.plot().contains(sx[i], sy[i])) {
                    marker.paint(g, sx[i], sy[i], markerSize);
                }
            }
        }
    }

    /** The polyline through the finite points, broken at every NaN, without the points that do not show. */
    static Path2D path(double[] x, double[] y) {
        Path2D.Double path = new Path2D.Double();
        boolean[] keep = new boolean[x.length];
        int i = 0;
        while (i < x.length) {
            while (i < x.length && !(Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
                i++;
            }
            int start = i;
            while (i < x.length && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                i++;
            }
            if (i > start) {
                Simplify.mark(x, y, start, i - 1, TOLERANCE_PX, keep);
                path.moveTo(x[start], y[start]);
                for (int k = start + 1; k < i; k++) {
                    if (keep[k]) {
                        path.lineTo(x[k], y[k]);
                    }
                }
            }
        }
        return path;
    }
}
