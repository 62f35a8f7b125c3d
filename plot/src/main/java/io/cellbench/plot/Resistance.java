package io.cellbench.plot;

import io.cellbench.daq.impedance.FittedSweep;
import io.cellbench.impedance.fit.SolidStateCircuit;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleUp;

/**
 * The resistances of the bundled solid-state circuit a resistance plot draws, with the names the
 * cycle summary gives them (R_bulk, R_gb, R_int: R0, R1, R2 of the fit) and a marker each, so they
 * stay apart where one colour stands for one cell.
 */
public enum Resistance {
    BULK("R_bulk", SolidStateCircuit.BULK, FittedSweep::bulkOhm, new Circle()),
    GRAIN_BOUNDARY("R_gb", SolidStateCircuit.GRAIN_BOUNDARY, FittedSweep::grainBoundaryOhm, new Square()),
    INTERFACE("R_int", SolidStateCircuit.INTERFACE, FittedSweep::interfaceOhm, new TriangleUp());

    private final String label;
    private final String parameter;
    private final ToDoubleFunction<FittedSweep> value;
    private final Marker marker;

    Resistance(String label, String parameter, ToDoubleFunction<FittedSweep> value, Marker marker) {
        this.label = label;
        this.parameter = parameter;
        this.value = value;
        this.marker = marker;
    }

    /** As the cycle summary names it: {@code R_int}. */
    public String label() {
        return label;
    }

    /** The circuit parameter it is: {@code R2}. */
    public String parameter() {
        return parameter;
    }

    /** Its value in a fitted sweep, Ω (NaN when the circuit has no such parameter). */
    public double of(FittedSweep sweep) {
        return value.applyAsDouble(sweep);
    }

    Marker marker() {
        return marker;
    }
}
