package io.cellbench.cli.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatusTest {
    @Test
    void theTimeLeftIsTheMeanStepSoFarTimesTheStepsAfterTheCurrentOne() {
        // three steps in 3000 s (the third still running): 1000 s each, two more to come
        assertEquals(2000, CellStatus.eta(3, 5, 2500, 3000, 1), 1e-9);
        assertEquals(2000 / 600.0, CellStatus.eta(3, 5, 2500, 3000, 600), 1e-9, "scaled to wall time");
        assertEquals(0, CellStatus.eta(5, 5, 10, 3000, 1), 1e-9, "in the last step");
        assertTrue(Double.isNaN(CellStatus.eta(1, 5, 10, 10, 1)), "not before the second step");
        assertTrue(Double.isNaN(CellStatus.eta(3, 5, 10, 3000, Double.POSITIVE_INFINITY)), "not at full speed");
    }

    @Test
    void aStatusLineSurvivesItsJson() {
        CellStatus s = new CellStatus("c1", "PAUSED", List.of("operator: re-crimp"), null, 5, "Charge at C/3 until 3.7 V",
                7, 3.55, 0.00067, 0.00103, 5580, 80000, Double.NaN, null, "safety limit: …");
        assertEquals(s.toString(), CellStatus.fromJson(s.toJson()).toString());
        assertTrue(s.toJson().path("eta_second").isNull(), "unknown is null, not NaN");
    }
}
