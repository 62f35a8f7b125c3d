package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.schedules.runner.RunnerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rest with the relay open has no voltage: the progress shows "-", never NaN and never a 0 V cell. */
class ProgressReporterTest {

    private static RunnerStatus resting(double volt, double ampere) {
        return new RunnerStatus(RunnerStatus.State.RUNNING, "Rest for 1 hour", 2, 2, 3, 1, volt, ampere, 60, 3660,
                null, List.of(), null);
    }

    @Test
    void anUnmeasuredVoltageShowsADashWithTheKnownCurrent() {
        String line = ProgressReporter.line("cell-1", resting(Double.NaN, 0));
        assertTrue(line.contains("- V") && line.contains("+0.000 mA"), line);
        assertFalse(line.contains("NaN"), line);
        String bar = ProgressReporter.barMessage(resting(Double.NaN, 0));
        assertTrue(bar.contains(" - V  +0.000 mA"), bar);
        assertFalse(bar.contains("0.000 V"), bar);
    }

    @Test
    void aMeasuredReadingShowsItsNumbers() {
        assertTrue(ProgressReporter.line("cell-1", resting(3.4567, -0.001)).contains("3.457 V     -1.000 mA"));
        assertTrue(ProgressReporter.barMessage(resting(3.4567, -0.001)).contains(" 3.457 V  -1.000 mA"));
        String before = ProgressReporter.line("cell-1", resting(Double.NaN, Double.NaN));
        assertTrue(before.contains("- V") && before.contains("- mA"), before);
    }
}
