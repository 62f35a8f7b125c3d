package io.cellbench.schedules.session;

import java.nio.file.Path;

/** What a session's cells run on. */
public sealed interface Bench {

    /**
     * Simulated instruments.
     *
     * @param speed      simulated seconds per wall second; infinite for as fast as possible
     * @param simulators what makes them (cli's simulated bench: schedules never sees test-fixtures)
     */
    record Simulated(double speed, SimulatorFactory simulators) implements Bench {
    }

    /**
     * The instruments of a lab file, through their drivers, in real time.
     *
     * @param labFile the lab file; copied into DIR/inputs/lab unless it is there already
     */
    record OnLab(Path labFile) implements Bench {
    }
}
