package io.cellbench.impedance.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.SimulatedSpectra;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled solid-state circuit, fitted from its automatic guess to the simulated coin cell
 * across the pressure law (docs/simulation.md: R_int rises steeply below ~5 MPa and saturates
 * above ~100 MPa), recovers the model's R_bulk, R_gb and R_int, and leaves residuals at the
 * analyser's noise level (0.2 % of |Z| on each part).
 */
class SimulatedCellFitTest {

    private static final double NOISE = 0.002;

    @ParameterizedTest(name = "{0} MPa")
    @ValueSource(doubles = {2, 5, 10, 25, 50, 75, 100, 125, 200})
    void recoversTheModelsResistances(double megapascal) {
        SimulatedCell cell = SimulatedSpectra.coinCell();
        MeasuredSpectrum spectrum = SimulatedSpectra.measure(cell, megapascal * 1e6, "eis-" + megapascal);
        FitResult fit = CircuitFitter.fit(spectrum, SolidStateCircuit.request());
        SolidStateCircuit.Resistances r = SolidStateCircuit.resistances(fit).orElseThrow();
        System.out.printf("%5.0f MPa: R_bulk %.3f (model %.3f)  R_gb %.3f (%.3f)  R_int %.3f (%.3f)  rms %.5f  starts %d%n",
                megapascal, r.bulkOhm(), cell.seriesResistanceOhm(), r.grainBoundaryOhm(),
                cell.grainBoundaryResistanceOhm(), r.interfaceOhm(), cell.interfaceResistanceOhm(),
                fit.rmsRelativeResidual(), fit.starts());
        assertEquals(cell.seriesResistanceOhm(), r.bulkOhm(), 0.05 * cell.seriesResistanceOhm(), "R_bulk");
        assertEquals(cell.grainBoundaryResistanceOhm(), r.grainBoundaryOhm(),
                0.05 * cell.grainBoundaryResistanceOhm(), "R_gb");
        assertEquals(cell.interfaceResistanceOhm(), r.interfaceOhm(), 0.05 * cell.interfaceResistanceOhm(), "R_int");
        // at the noise level: 0.2 % on each part, less the few degrees of freedom the fit used
        assertTrue(fit.rmsRelativeResidual() < 1.25 * NOISE, "rms residual " + fit.rmsRelativeResidual());
        assertTrue(fit.rmsRelativeResidual() > 0.75 * NOISE, "rms residual " + fit.rmsRelativeResidual()
                + " below the noise: the fit follows the noise");
        assertTrue(fit.converged());
    }
}
