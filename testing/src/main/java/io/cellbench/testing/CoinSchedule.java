package io.cellbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A schedule of simulated coin cells for tests that run a whole schedule (schedules' session
 * tests, the command line's): the same NMC811 | Li6PS5Cl | Li-In coin cell of 2 mAh for every
 * id, seeded 1, 2, 3 … in the order given, all on one protocol.
 */
public final class CoinSchedule {

    private CoinSchedule() {
    }

    /**
     * Writes {@code protocol} as protocol.yaml and a schedule called {@code name} of one
     * simulated coin cell per id in {@code cells} as schedule.yaml into {@code dir} (created
     * when missing); returns the schedule file.
     */
    public static Path write(Path dir, String name, List<String> cells, String protocol) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("protocol.yaml"), protocol);
        StringBuilder schedule = new StringBuilder("name: " + name + "\ncells:\n");
        int seed = 1;
        for (String cell : cells) {
            schedule.append("""
                      - id: %s
                        format: coin
                        chemistry: NMC811 | Li6PS5Cl | Li-In
                        nominal_capacity: 2 mAh
                        protocol: protocol.yaml
                        simulation: {preset: coin, seed: %d}
                    """.formatted(cell, seed++));
        }
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, schedule.toString());
        return file;
    }
}
