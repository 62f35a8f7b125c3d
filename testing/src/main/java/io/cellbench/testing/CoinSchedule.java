package io.cellbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        return write(dir, name, cells, "protocol.yaml", protocol);
    }

    /**
     * The same with the protocol in {@code protocolFile}, and {@code cellSettings} (YAML
     * lines such as {@code "area: 0.785 cm2"}) added to every cell after its capacity.
     */
    public static Path write(Path dir, String name, List<String> cells, String protocolFile, String protocol,
                             String... cellSettings) throws IOException {
        return write(dir, name, cells, protocolFile, protocol, cell -> List.of(cellSettings));
    }

    /**
     * The same with the protocol as protocol.yaml and the YAML lines {@code settingsOf} gives
     * a cell (none when it has no entry, such as {@code "start: {after: [c3]}"}) added to it alone.
     */
    public static Path write(Path dir, String name, List<String> cells, String protocol,
                             Map<String, String> settingsOf) throws IOException {
        return write(dir, name, cells, "protocol.yaml", protocol,
                cell -> settingsOf.containsKey(cell) ? List.of(settingsOf.get(cell)) : List.of());
    }

    private static Path write(Path dir, String name, List<String> cells, String protocolFile, String protocol,
                              Function<String, List<String>> settingsOf) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(protocolFile), protocol);
        StringBuilder schedule = new StringBuilder("name: " + name + "\ncells:\n");
        int seed = 1;
        for (String cell : cells) {
            StringBuilder more = new StringBuilder();
            for (String setting : settingsOf.apply(cell)) {
                more.append("    ").append(setting).append('\n');
            }
            schedule.append("""
                      - id: %s
                        format: coin
                        chemistry: NMC811 | Li6PS5Cl | Li-In
                        nominal_capacity: 2 mAh
                    %s    protocol: %s
                        simulation: {preset: coin, seed: %d}
                    """.formatted(cell, more, protocolFile, seed++));
        }
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, schedule.toString());
        return file;
    }
}
