package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cells of a run are listed in the schedule's order, whatever order they started in: here
 * the schedule's last cell starts first and the other two after it ends. run.json, {@code data
 * cycles} and a plot of every cell (its title, and so its colours) all follow the schedule, so
 * two runs of one schedule read and plot alike.
 */
class CellOrderTest {
    private static final List<String> SCHEDULED = List.of("cell-b", "cell-a", "cell-c");

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void record() throws IOException {
        Path inputs = tmp.resolve("inputs");
        Files.createDirectories(inputs);
        Files.writeString(inputs.resolve("protocol.yaml"), """
                name: one cycle
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 60 s
                steps:
                  - Set pressure to 60 MPa and wait until stable
                  - Rest for 2 minutes
                  - Charge at 1C until 3.7 V
                  - Discharge at 1C until 1.9 V
                """);
        StringBuilder schedule = new StringBuilder("name: started out of order\ncells:\n");
        int seed = 1;
        for (String id : SCHEDULED) {
            schedule.append("""
                      - id: %s
                        format: coin
                        chemistry: NMC811 | Li6PS5Cl | Li-In
                        nominal_capacity: 2 mAh
                        protocol: protocol.yaml
                        simulation: {preset: coin, seed: %d}
                    """.formatted(id, seed++));
            if (!id.equals("cell-c")) {
                schedule.append("    start: {after: [cell-c]}\n"); // the schedule's last cell starts first
            }
        }
        Files.writeString(inputs.resolve("schedule.yaml"), schedule.toString());
        run = tmp.resolve("run");
        Console c = Console.run("run", inputs.resolve("schedule.yaml").toString(), "--simulate", "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
    }

    @Test
    void runJsonListsTheCellsInTheSchedulesOrderNotTheOrderTheyStarted() throws IOException {
        try (RunReader reader = RunReader.open(run)) {
            List<CellEntry> cells = reader.manifest().cells();
            assertEquals(SCHEDULED, cells.stream().map(CellEntry::id).toList());
            CellEntry first = cells.stream().filter(e -> e.id().equals("cell-c")).findFirst().orElseThrow();
            assertTrue(cells.stream().allMatch(e -> e == first || e.startedUnixTimeSecond() >= first.startedUnixTimeSecond()),
                    "cell-c was meant to start first: " + cells);
        }
    }

    @Test
    void dataCyclesListsTheCellsInTheSchedulesOrder() {
        Console c = Console.run("data", "cycles", run.toString(), "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        List<String> order = c.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        assertEquals(SCHEDULED, order, c.out());
    }

    @Test
    void aPlotOfEveryCellNamesThemInTheSchedulesOrder() throws IOException {
        Path svg = tmp.resolve("capacity.svg");
        Console c = Console.run("plot", run.toString(), "--kind", "capacity", "--out", svg.toString());
        assertEquals(0, c.exitCode(), c.err());
        String text = Files.readString(svg);
        int b = text.indexOf("cell-b");
        int a = text.indexOf("cell-a");
        int last = text.indexOf("cell-c");
        assertTrue(b >= 0 && b < a && a < last, "cells named out of the schedule's order in " + svg);
    }
}
