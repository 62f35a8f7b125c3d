package io.cellbench.cli.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.schedules.control.CellStatus;
import io.cellbench.schedules.runner.RunnerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatusTest {
    @Test
    void theTimeLeftIsTheRunnersEstimateInWallClockTime() {
        RunnerStatus.Remaining left = new RunnerStatus.Remaining(1000, 2000, true);
        assertEquals(2000, CellStatus.eta(left, 1), 1e-9);
        assertEquals(2000 / 600.0, CellStatus.eta(left, 600), 1e-9, "scaled to wall time");
        assertTrue(Double.isNaN(CellStatus.eta(RunnerStatus.Remaining.UNKNOWN, 1)), "unknown");
        assertTrue(Double.isNaN(CellStatus.eta(left, Double.POSITIVE_INFINITY)), "not at full speed");
    }

    @Test
    void aStatusLineSurvivesItsJson() {
        CellStatus s = new CellStatus("c1", "PAUSED", List.of("operator: re-crimp"), null, 5, "Charge at C/3 until 3.7 V",
                7, 3.55, 0.00067, 0.00103, 5580, 80000, Double.NaN, null, "safety limit: …");
        assertEquals(s.toString(), CellStatus.fromJson(s.toJson()).toString());
        assertTrue(s.toJson().path("eta_second").isNull(), "unknown is null, not NaN");
    }

    @Test
    void aCellWhoseOutputIsNotConfirmedOffSaysSoInTheTable() {
        CellStatus s = new CellStatus("c7", "ENDED", List.of(), null, 3, "Charge at C/2 until 3.7 V", 1, Double.NaN,
                Double.NaN, Double.NaN, 600, 7200, Double.NaN, "FAULT", "keithley-3: ':READ?': no answer", null,
                "2026-11-23T03:12:09Z", false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StatusTable.print(List.of(CellStatus.fromJson(s.toJson())), new java.io.PrintStream(out, true));
        assertTrue(out.toString().contains("ENDED FAULT, OUTPUT NOT CONFIRMED OFF since 2026-11-23 03:12:09 UTC"),
                out.toString());
        assertTrue(!s.toJson().path("output_off_confirmed").asBoolean(), s.toJson().toString());
    }
}
