package io.cellbench.plot;

import java.awt.geom.Rectangle2D;

/** Data to screen for one plot area, linear or logarithmic per axis; non-positive values on a log axis become NaN. */
record ScreenMap(Rectangle2D plot, AxisRange xAxis, AxisRange yAxis) {

    double x(double v) {
        return plot.getX() + fraction(v, xAxis) * plot.getWidth();
    }

    double y(double v) {
        return plot.getMaxY() - fraction(v, yAxis) * plot.getHeight();
    }

    private static double fraction(double v, AxisRange r) {
        if (r.log()) {
            return v > 0 ? (Math.log10(v) - Math.log10(r.min())) / (Math.log10(r.max()) - Math.log10(r.min()))
                    : Double.NaN;
        }
        return (v - r.min()) / (r.max() - r.min());
    }
}
