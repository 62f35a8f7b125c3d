package io.cellbench.impedance.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.impedance.ImpedanceAnalysis;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.ReferenceSpectra;
import io.cellbench.impedance.SimulatedSpectra;
import io.cellbench.impedance.fit.FitResult;
import io.cellbench.impedance.fit.SolidStateCircuit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The verdict with the default settings: spectra of a linear, time-invariant cell pass; a cell
 * that drifts during the sweep (here the press relaxes and the interface resistance grows by a
 * quarter from the first to the last point in the time the sweep takes, as a cell still settling after a pressure step does) fails, and a fit to it
 * is marked untrustworthy even though the circuit fits it well.
 */
class LinKkVerdictTest {

    /** The press loses a third of its load over the sweep: R_int grows by about a quarter. */
    private static final double DRIFT = 0.5;

    @ParameterizedTest(name = "{0} MPa")
    @ValueSource(doubles = {5, 50, 125})
    void simulatedSpectraPass(double megapascal) {
        MeasuredSpectrum spectrum = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), megapascal * 1e6,
                "eis-kk-" + megapascal);
        LinKkResult result = ImpedanceAnalysis.validate(spectrum);
        System.out.println(megapascal + " MPa: " + result.verdict());
        assertTrue(result.passed(), result.verdict());
        FitResult fit = ImpedanceAnalysis.fit(spectrum, SolidStateCircuit.request());
        assertTrue(fit.trustworthy(), fit.warnings().toString());
    }

    @Test
    void aCellThatDriftsDuringTheSweepFails() {
        SimulatedCell cell = SimulatedSpectra.coinCell();
        cell.setPressurePa(50e6);
        double[] f = SimulatedSpectra.SWEEP.frequencies();
        double[] re = new double[f.length];
        double[] im = new double[f.length];
        // the simulated analyser's timing: 1 s per point plus 5 periods; the sweep runs from high to low
        double[] elapsed = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            elapsed[i] = (i > 0 ? elapsed[i - 1] : 0) + 1 + 5 / f[i];
        }
        for (int i = 0; i < f.length; i++) {
            // the press relaxes through the sweep: R_int grows with time, most during the slow low-frequency points
            cell.setPressurePa(50e6 / (1 + DRIFT * elapsed[i] / elapsed[f.length - 1]));
            double[] z = cell.impedance(f[i]);
            re[i] = z[0];
            im[i] = z[1];
        }
        MeasuredSpectrum spectrum = MeasuredSpectrum.of(f, re, im);
        LinKkResult result = ImpedanceAnalysis.validate(spectrum);
        System.out.println("drifting: " + result.verdict());
        assertFalse(result.passed(), result.verdict());
        FitResult fit = ImpedanceAnalysis.fit(spectrum, SolidStateCircuit.request(), result);
        assertFalse(fit.trustworthy());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("Lin-KK failed")), fit.warnings().toString());
    }
}
