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
        return point.modulusOhm();
    }

    /** As measured: negative for capacitive behaviour. */
    double phaseDegree() {
        return point.phaseDegree();
    }
}
