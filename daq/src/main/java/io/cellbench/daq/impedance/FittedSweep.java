package io.cellbench.daq.impedance;

import io.cellbench.impedance.fit.SolidStateCircuit;
import java.util.Map;

/**
 * One row of a cell's fits.arrows as read back: the sweep's place in the test and every numeric
 * column by name (parameters as in the circuit, {@code R2}, {@code R2_sigma}).
 */
public record FittedSweep(int spectrumIndex, int cycleCount, double testTimeSecond, double appliedPressurePa,
                          boolean trustworthy, Map<String, Double> values) {

    public FittedSweep {
        values = Map.copyOf(values);
    }

    /** A column's value, NaN when the file has no such column. */
    public double value(String column) {
        return values.getOrDefault(column, Double.NaN);
    }

    /** R_bulk (R0), the bundled circuit's electrolyte bulk resistance, Ω. */
    public double bulkOhm() {
        return value(SolidStateCircuit.BULK);
    }

    /** R_gb (R1), the grain boundaries, Ω. */
    public double grainBoundaryOhm() {
        return value(SolidStateCircuit.GRAIN_BOUNDARY);
    }

    /** R_int (R2), the cathode interface, Ω. */
    public double interfaceOhm() {
        return value(SolidStateCircuit.INTERFACE);
    }
}
