package io.cellbench.cli;

import io.cellbench.core.instrument.ImpedancePoint;

/**
 * One frequency of one impedance sweep, with the sweep's context, as the {@code data eis}
 * command prints it. Times are the sweep's start.
 */
record ImpedanceRow(String cellId, long spectrumIndex, int pointIndex, double testTimeSecond, double unixTimeSecond,
                    int cycleCount, int stepCount, int stepIndex, double appliedPressurePa,
                    double ambientTemperatureCelsius, ImpedancePoint point) {

    double modulusOhm() {
        return Math.hypot(point.zRealOhm(), point.zImagOhm());
    }

    /** As measured: negative for capacitive behaviour. */
    double phaseDegree() {
        return Math.toDegrees(Math.atan2(point.zImagOhm(), point.zRealOhm()));
    }
}
