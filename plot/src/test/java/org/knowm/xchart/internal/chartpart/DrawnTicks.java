package org.knowm.xchart.internal.chartpart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The ticks xchart laid out on a chart's last paint, label and position. xchart keeps them behind
 * package-private accessors, so this test-only class sits in xchart's package: the tests then
 * check the labels a reader sees, not a copy of how we think xchart chooses them.
 */
public final class DrawnTicks {
    private DrawnTicks() {
    }

    /** One tick: its label and its distance in pixels from the axis's low end. */
    public record Tick(String label, double fromLowEnd) {
    }

    /** The y axis's ticks, bottom up, those off the axis included. */
    public static List<Tick> y(XYChart chart) {
        return ticks(((AxesChart<?, ?>) chart).getYAxis().getAxisTickCalculator());
    }

    /** The x axis's ticks, left to right, those off the axis included. */
    public static List<Tick> x(XYChart chart) {
        return ticks(((AxesChart<?, ?>) chart).getXAxis().getAxisTickCalculator());
    }

    private static List<Tick> ticks(AxisTickCalculator c) {
        List<Tick> out = new ArrayList<>();
        for (int i = 0; i < c.getTickLabels().size(); i++) {
            out.add(new Tick(c.getTickLabels().get(i), c.getTickLocations().get(i)));
        }
        return out;
    }
}
