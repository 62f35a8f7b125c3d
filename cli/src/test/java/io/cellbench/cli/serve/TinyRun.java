package io.cellbench.cli.serve;

import io.cellbench.testing.CoinSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A small simulated schedule for the live-page tests: two coin cells at 60 MPa cycling at C/2 (about 3 h a cycle). */
final class TinyRun {
    static final List<String> CELLS = List.of("coin-a", "coin-b");

    private TinyRun() {
    }

    /** Writes schedule.yaml and its protocol into {@code dir}; returns the schedule file. */
    static Path write(Path dir, int cycles) throws IOException {
        return CoinSchedule.write(dir, "live page test", CELLS, "cycling.yaml", """
                name: tiny cycling
                limits:
                  voltage: [1.8 V, 3.8 V]
                logging:
                  period: 60 s
                  voltage_change: 10 mV
                steps:
                  - Set temperature to 30 °C and wait until stable
                  - Set pressure to 60 MPa and wait until stable
                  - Rest for 10 minutes
                  - Repeat %d times:
                      - Charge at C/2 until 3.7 V
                      - Rest for 10 minutes
                      - Discharge at C/2 until 1.9 V
                """.formatted(cycles),
                "area: 0.785 cm2");
    }
}
