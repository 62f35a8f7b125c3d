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
}
