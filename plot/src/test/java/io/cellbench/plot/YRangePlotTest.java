package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --y-range} on a recorded run (two C/3 cycles from 3.0 to 3.6 V at ±667 µA, a fixture's
 * pressure, the chamber's temperature and a thermocouple T1): the axis runs as asked, in the
 * panel's unit or converted from the one written, and every sample is still drawn, cut off by
 * the axis rather than left out.
 */
class YRangePlotTest {
    @TempDir
    static Path dir;
    static Path run;
    /** Five panels (voltage, current, pressure, the chamber's temperature, T1) need more than the default 700 px. */
    static final int WIDTH = 1000;
    static final int HEIGHT = 900;

    @BeforeAll
    static void record() throws Exception {
        run = dir.resolve("run");
        try (RunDirectorySink sink = RecordedCell.openRun(run, "S1")) {
            RecordedTimeSeries.record(sink, "S1", 2, 120, 60, true);
        }
    }

    private static Figure figure(PlotKind kind, String... ranges) throws Exception {
        PlotRequest request = new PlotRequest(kind, List.of("S1"), CycleRange.ALL, 0, ColourBy.AUTO, CapacityAxis.AUTO,
                0.005, WIDTH, HEIGHT, null, null, List.of())
                .withYRanges(Arrays.stream(ranges).map(YRange::parse).toList());
        try (RunReader reader = RunReader.open(run)) {
            return Plots.figure(reader, request, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    private static Panel headed(Figure f, String heading) {
        return f.panels().stream().filter(p -> heading.equals(p.heading())).findFirst().orElseThrow();
    }

    private static double[] drawnY(Panel p) {
        return p.traces().stream().flatMapToDouble(t -> Arrays.stream(t.y())).filter(Double::isFinite).toArray();
    }

    @Test
    void theAxisRunsAsAskedAndSamplesOutsideItAreStillDrawn() throws Exception {
        Figure f = figure(PlotKind.TIME, "voltage=3.2:3.4", "current=-1mA:0.5mA");
        Panel voltage = headed(f, "Voltage / V");
        assertEquals(new AxisRange(3.2, 3.4, false), voltage.currentY());
        double[] v = drawnY(voltage);
        assertEquals(3.0, Arrays.stream(v).min().orElseThrow(), 1e-9, "the samples below the axis are kept");
        assertEquals(3.6, Arrays.stream(v).max().orElseThrow(), 1e-9, "and those above");
        Panel current = headed(f, "Current / µA");
        assertEquals(-1000, current.currentY().min(), 1e-9, "−1 mA on a panel in µA");
        assertEquals(500, current.currentY().max(), 1e-9);
        Panel pressure = headed(f, "Applied Pressure / MPa");
        assertTrue(pressure.currentY().max() > 60 && pressure.currentY().min() < 1, "other axes run over their data");
        // drawn, the voltage ticks stay within the range asked for
        Path png = dir.resolve("ranged.png");
        FigureWriter.write(f, WIDTH, HEIGHT, png);
        List<AxisTicks.Tick> ticks = AxisTicks.y(voltage);
        AxisTicks.check(ticks, "3.2..3.4 V");
        assertEquals(3.2, ticks.getFirst().parsed(), 1e-9);
        assertEquals(3.4, ticks.getLast().parsed(), 1e-9);
    }

    @Test
    void anEndLeftOutKeepsTheAxissOwnAndANameCanStandForSeveralPanels() throws Exception {
        Figure all = figure(PlotKind.TIME);
        Figure f = figure(PlotKind.TIME, "current=0:", "temperature=20:30 degC", "pressure=:70e6 Pa");
        assertEquals(0, headed(f, "Current / µA").currentY().min());
        assertEquals(headed(all, "Current / µA").currentY().max(), headed(f, "Current / µA").currentY().max());
        for (String t : List.of("Ambient Temperature / degC", "Temperature T1 / degC")) {
            assertEquals(new AxisRange(20, 30, false), headed(f, t).currentY(), t + ": temperature names both");
        }
        assertEquals(70, headed(f, "Applied Pressure / MPa").currentY().max(), 1e-9);
        assertEquals(headed(all, "Applied Pressure / MPa").currentY().min(), headed(f, "Applied Pressure / MPa").currentY().min());
        Figure t1 = figure(PlotKind.TIME, "temperature_t1_celsius=0:50");
        assertEquals(new AxisRange(0, 50, false), headed(t1, "Temperature T1 / degC").currentY(), "a column's own name");
        assertEquals(headed(all, "Ambient Temperature / degC").currentY(), headed(t1, "Ambient Temperature / degC").currentY());
    }

    @Test
    void otherKindsNameTheirPanels() throws Exception {
        // the other kinds of a simulated run: PlotCommandTest (cli)
        Figure voltage = figure(PlotKind.VOLTAGE, "voltage=2.8:3.8");
        assertEquals(new AxisRange(2.8, 3.8, false), voltage.panels().getFirst().currentY());
    }

    @Test
    void mistakesAreRefusedNamingWhatThereIs() {
        assertEquals("--y-range presure=0:1: the time plot has no panel 'presure'; choose from voltage, current,"
                + " pressure, temperature", assertThrows(UserError.class, () -> figure(PlotKind.TIME, "presure=0:1"))
                .getMessage());
        String open = assertThrows(UserError.class, () -> figure(PlotKind.TIME, "current=800:")).getMessage();
        assertTrue(open.startsWith("--y-range current=800:: the lower end 800 µA is not below the upper end ")
                && open.endsWith(" µA (the end left out is the data's); give MIN < MAX"), open);
        assertEquals("--y-range voltage=1mA:2mA: 'mA' is a current unit, but the voltage axis is a voltage in V",
                assertThrows(UserError.class, () -> figure(PlotKind.TIME, "voltage=1mA:2mA")).getMessage());
        assertEquals("--y-range current=3:4: the voltage plot has no panel 'current'; choose from voltage",
                assertThrows(UserError.class, () -> figure(PlotKind.VOLTAGE, "current=3:4")).getMessage());
        assertTrue(assertThrows(UserError.class, () -> figure(PlotKind.NYQUIST, "impedance=0:100")).getMessage()
                .startsWith("--y-range sets the y axis of the other plots, not nyquist"));
    }
}
