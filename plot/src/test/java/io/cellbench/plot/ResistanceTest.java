package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.impedance.FittedSweep;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resistance plot's pieces: R_bulk, R_gb and R_int are R0, R1 and R2 of a fit, each with a
 * marker of its own, and the resistance axis turns logarithmic only past a factor of ten.
 */
class ResistanceTest {

    @Test
    void theResistancesAreR0R1AndR2OfTheFitWithAMarkerEach() {
        FittedSweep sweep = new FittedSweep(3, 6, 1000, 60e6, true, Map.of("R0", 24.6, "R1", 7.7, "R2", 39.2,
                "R2_sigma", 0.06));
        assertEquals(24.6, Resistance.BULK.of(sweep));
        assertEquals(7.7, Resistance.GRAIN_BOUNDARY.of(sweep));
        assertEquals(39.2, Resistance.INTERFACE.of(sweep));
        assertEquals(List.of("R_bulk", "R_gb", "R_int"), Arrays.stream(Resistance.values()).map(Resistance::label).toList());
        // a circuit without R2 (R0-p(R1,C1)) has no interface resistance to draw
        assertTrue(Double.isNaN(Resistance.INTERFACE.of(new FittedSweep(1, 1, 0, 1e6, true, Map.of("R0", 1.0)))));
        assertEquals(3, Arrays.stream(Resistance.values()).map(r -> r.marker().getClass()).distinct().count(),
                "each resistance is drawn with its own marker shape");
    }

    private static ResistanceSeries series(double... ohm) {
        return new ResistanceSeries("c", Resistance.BULK, new double[ohm.length], ohm, Color.BLUE);
    }

    @Test
    void theAxisIsLogarithmicOnlyWhenTheResistancesSpanMoreThanTenfold() {
        // a coin cell: R_gb 7.2 Ω beside R_int 65 Ω, nine times apart
        assertFalse(ResistancePlot.logarithmic(List.of(series(7.23, 24.3), series(65.09))));
        // a pouch beside it
        assertTrue(ResistancePlot.logarithmic(List.of(series(0.03, 0.1), series(65.09))));
        // a value at or below zero has no place on a log axis
        assertFalse(ResistancePlot.logarithmic(List.of(series(0.0, 100))));
    }
}
