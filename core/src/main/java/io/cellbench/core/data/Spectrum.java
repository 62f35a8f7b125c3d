package io.cellbench.core.data;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.List;

/** One impedance sweep on one cell, with where in the test it was taken. */
public record Spectrum(
        double testTimeSecond,
        double unixTimeSecond,
        int cycleCount,
        int stepCount,
        int stepIndex,
        double appliedPressurePa,
        double ambientTemperatureCelsius,
        List<ImpedancePoint> points) {

    public Spectrum {
        points = List.copyOf(points);
    }

    /** The same sweep, where and when it was taken, with {@code points} (a reader collects them after the rest). */
    public Spectrum withPoints(List<ImpedancePoint> points) {
        return new Spectrum(testTimeSecond, unixTimeSecond, cycleCount, stepCount, stepIndex, appliedPressurePa,
                ambientTemperatureCelsius, points);
    }
}
