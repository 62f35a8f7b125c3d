package io.cellbench.impedance.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.SimulatedSpectra;
import org.junit.jupiter.api.Test;

/**
 * The bundled circuit's two arcs commute, so a fit can land with them exchanged (the demo's pouch
 * cells called the grain boundaries R2 in some sweeps): whatever the start, R1 is the arc with
 * the shorter time constant, as written, and the fit is otherwise the same.
 */
class ArcOrderTest {

    @Test
    void theArcsAreNamedShortTauFirstWhateverTheStart() {
        MeasuredSpectrum spectrum = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 50e6, "eis");
        FitResult automatic = CircuitFitter.fit(spectrum, SolidStateCircuit.request());
        assertEquals(10.19, automatic.value("R1"), 0.5, "grain boundaries");
        assertEquals(50.93, automatic.value("R2"), 1.0, "interface");
        // start from the exchanged arcs: the optimiser stays in that basin
        FitRequest swapped = SolidStateCircuit.request()
                .withGuess("R1", automatic.value("R2")).withGuess("CPE1_0", automatic.value("CPE2_0"))
                .withGuess("CPE1_1", automatic.value("CPE2_1"))
                .withGuess("R2", automatic.value("R1")).withGuess("CPE2_0", automatic.value("CPE1_0"))
                .withGuess("CPE2_1", automatic.value("CPE1_1"))
                .withGuess("R0", automatic.value("R0")).withGuess("L0", automatic.value("L0"))
                .withGuess("W1", automatic.value("W1"));
        FitResult fit = CircuitFitter.fit(spectrum, swapped);
        assertEquals(automatic.chiSquare(), fit.chiSquare(), 1e-6 * automatic.chiSquare());
        assertEquals(automatic.value("R1"), fit.value("R1"), 1e-4 * automatic.value("R1"));
        assertEquals(automatic.value("R2"), fit.value("R2"), 1e-4 * automatic.value("R2"));
        assertEquals(automatic.value("CPE2_1"), fit.value("CPE2_1"), 1e-4);
        assertEquals(automatic.parameter("R2").standardError(), fit.parameter("R2").standardError(),
                0.01 * automatic.parameter("R2").standardError());
    }
}
