package io.cellbench.cli;

import io.cellbench.testing.CoinSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small schedule for tests: three simulated coin cells, about three hours of simulated
 * time each (pressure set-up, rest, EIS, two 1C cycles, EIS), ~600 samples per cell.
 */
final class ShortRun {
    static final List<String> CELLS = List.of("coin-1", "coin-2", "coin-3");

    private ShortRun() {
    }

    /** Runs the schedule, simulated, into {@code tmp}/run (its inputs in {@code tmp}/inputs); returns the run directory. */
    static Path record(Path tmp) throws IOException {
        Path schedule = write(tmp.resolve("inputs"));
        Path run = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, c.exitCode(), c.out() + c.err());
        return run;
    }

    /** Writes schedule.yaml and protocol.yaml into {@code dir}; returns the schedule. */
    static Path write(Path dir) throws IOException {
        return CoinSchedule.write(dir, "three coins", CELLS, """
                name: short cycling
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 60 s
                  voltage_change: 10 mV
                  sample_period: 1 s
                steps:
                  - Set pressure to 60 MPa and wait until stable
                  - Rest for 10 minutes
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Repeat 2 times:
                      - Charge at 1C until 3.7 V
                      - Rest for 5 minutes
                      - Discharge at 1C until 1.9 V
                      - Rest for 5 minutes
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                """);
    }
}
