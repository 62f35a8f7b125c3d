package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import io.cellbench.testing.CoinSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        String after = "start: {after: [cell-c]}"; // the schedule's last cell starts first
        Path schedule = CoinSchedule.write(tmp.resolve("inputs"), "started out of order", SCHEDULED, """
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
                """, Map.of("cell-b", after, "cell-a", after));
        run = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString());
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
