package io.cellbench.impedance;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedEisAnalyzer;
import java.util.List;
import java.util.Map;

/**
 * Spectra of the project's simulated solid-state cell (test-fixtures, docs/simulation.md),
 * measured through the simulated analyser as a run measures them: 1 MHz → 100 mHz, 10 points per
 * decade (71 points), 0.2 % relative noise seeded by the analyser's name.
 */
public final class SimulatedSpectra {

    /** The sweep of the example protocols (eis-vs-pressure.yaml). */
    public static final EisRequest SWEEP = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 1e6, 0.1, 10, 0.01);

    private SimulatedSpectra() {
    }

    /** A formed coin cell at rest at SOC 0.5 and 25 °C. */
    public static SimulatedCell coinCell() {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.completeFormation();
        cell.restAt(0.5);
        return cell;
    }

    /** The cell's spectrum at {@code pressurePa}, through an analyser called {@code analyser}. */
    public static MeasuredSpectrum measure(SimulatedCell cell, double pressurePa, String analyser) {
        cell.setPressurePa(pressurePa);
        VirtualClock clock = new VirtualClock(1_700_000_000);
        SimulatedEisAnalyzer eis = new SimulatedEisAnalyzer(analyser, clock, Map.of(0, cell));
        List<ImpedancePoint> points = eis.measure(0, SWEEP);
        return MeasuredSpectrum.of(points);
    }
}
