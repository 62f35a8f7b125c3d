package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As many stacked panels as a figure holds ({@code TimePlot}: one per 120 px of height): a cell in
 * a pressure fixture with a thermocouple recorded voltage, current, pressure, the chamber's
 * temperature and T1, five panels at the default 1000 × 700.
 */
class StackedTimePanelsTest {
    @TempDir
    Path dir;

    @Test
    void fivePanelsAtTheDefaultSizeAreDrawn() throws Exception {
        Path run = dir.resolve("run");
        try (RunDirectorySink sink = RecordedCell.openRun(run, "S1")) {
            RecordedTimeSeries.record(sink, "S1", 2, 120, 60, true);
        }
        for (int[] size : new int[][] {{1000, 700}, {300, 600}, {3000, 700}}) {
            PlotRequest request = new PlotRequest(PlotKind.TIME, List.of("S1"), CycleRange.ALL, 0, ColourBy.AUTO,
                    CapacityAxis.AUTO, 0.005, size[0], size[1], null, null, List.of());
            Path png = dir.resolve("time-" + size[0] + "x" + size[1] + ".png");
            try (RunReader reader = RunReader.open(run)) {
                Plots.write(reader, request, png, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            }
            assertEquals(size[1], javax.imageio.ImageIO.read(png.toFile()).getHeight());
        }
    }
}
