package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunReader;
import io.cellbench.plot.CapacityAxis;
import io.cellbench.plot.ColourBy;
import io.cellbench.plot.PlotKind;
import io.cellbench.plot.PlotRequest;
import io.cellbench.plot.Plots;
import io.cellbench.plot.TimeSeries;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot --kind time} of the demo: 6.6 days of a cell in a pressure fixture, 12,800 samples,
 * more than the plot's 1500 spans, so the lines are envelopes. Every drawn point must be a sample
 * {@code data raw} prints (its time and value, in the figure's units), and the fixture's highest
 * and lowest pressure and the current's extremes must be among them.
 */
class DemoTimePlotTest {
    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void runDemo() {
        demo = tmp.resolve("demo");
        Console c = Console.run("demo", "--out", demo.toString());
        assertEquals(0, c.exitCode(), c.err());
    }

    @Test
    void everyDrawnPointIsARecordedSampleAndTheExtremesAreDrawn() throws Exception {
        PlotRequest request = new PlotRequest(PlotKind.TIME, List.of("coin-60MPa"), CycleRange.ALL, 0, ColourBy.AUTO,
                CapacityAxis.AUTO, 0.005, Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, null,
                List.of("voltage", "current", "pressure"));
        List<TimeSeries> lines;
        try (RunReader reader = RunReader.open(demo)) {
            lines = Plots.timeSeries(reader, request, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
        }
        assertEquals(List.of("Voltage / V", "Current / µA", "Applied Pressure / MPa"),
                lines.stream().map(TimeSeries::panel).toList());

        Console raw = Console.run("data", "raw", demo.toString(), "--cell", "coin-60MPa", "--format", "csv");
        assertEquals(0, raw.exitCode(), raw.err());
        List<String[]> rows = raw.out().lines().map(l -> l.split(",", -1)).toList();
        List<String> header = List.of(rows.getFirst());
        List<String> columns = List.of("voltage_volt", "current_ampere", "applied_pressure_pa");
        double[] scale = {1, 1e6, 1e-6};
        for (int q = 0; q < 3; q++) {
            TimeSeries line = lines.get(q);
            assertEquals("d", line.timeUnit());
            double[] times = new double[rows.size() - 1];
            double[] values = new double[rows.size() - 1];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 1; r < rows.size(); r++) {
                double v = ImportCommandTest.value(rows.get(r), header, columns.get(q)) * scale[q];
                times[r - 1] = ImportCommandTest.value(rows.get(r), header, "test_time_second");
                values[r - 1] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            assertTrue(line.time().length < rows.size() / 2, line.panel() + ": " + line.time().length
                    + " points drawn of " + (rows.size() - 1) + " samples");
            double drawnLo = Double.POSITIVE_INFINITY;
            double drawnHi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < line.time().length; i++) {
                double seconds = line.time()[i] * 86400;
                int at = sampleAt(times, seconds);
                assertTrue(at >= 0, line.panel() + ": no sample at " + seconds + " s");
                double v = values[at];
                assertEquals(v, line.values()[i], 1e-9 * Math.max(1, Math.abs(v)), line.panel() + " at " + seconds + " s");
                drawnLo = Math.min(drawnLo, line.values()[i]);
                drawnHi = Math.max(drawnHi, line.values()[i]);
            }
            assertEquals(lo, drawnLo, 1e-9 * Math.abs(lo), line.panel() + ": the lowest value is drawn");
            assertEquals(hi, drawnHi, 1e-9 * Math.abs(hi), line.panel() + ": the highest value is drawn");
        }
    }

    /** The sample at {@code seconds} (allowing for the division into days and back), or −1. */
    private static int sampleAt(double[] times, double seconds) {
        int i = java.util.Arrays.binarySearch(times, seconds);
        int near = i >= 0 ? i : -i - 1;
        for (int k = Math.max(0, near - 1); k <= Math.min(times.length - 1, near); k++) {
            if (Math.abs(times[k] - seconds) < 1e-6) {
                return k;
            }
        }
        return -1;
    }
}
