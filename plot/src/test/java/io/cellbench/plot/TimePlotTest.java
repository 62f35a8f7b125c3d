package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code plot --kind time} draws from a recorded run: S1 is a solid-state cell with stack
 * pressure, chamber temperature and a T1 thermocouple (an aux column, as an imported Neware file
 * has), two C/3 cycles logged every minute (8 h); S2 a plain cycler channel without any of those.
 * The drawn lines are checked point by point against what was recorded.
 */
class TimePlotTest {
    @TempDir
    static Path dir;
    static Path run;
    static RecordedTimeSeries.Recorded s1;

    @BeforeAll
    static void record() throws Exception {
        run = dir.resolve("run");
        try (RunDirectorySink sink = RecordedCell.openRun(run, "S1", "S2")) {
            s1 = RecordedTimeSeries.record(sink, "S1", 2, 120, 60, true);
            RecordedTimeSeries.record(sink, "S2", 2, 150, 60, false);
        }
    }

    static PlotRequest request(List<String> cells, CycleRange cycles, String... quantities) {
        return new PlotRequest(PlotKind.TIME, cells, cycles, 0, ColourBy.AUTO, CapacityAxis.AUTO, 0.005,
                Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, null, List.of(quantities));
    }

    static Figure figure(Path run, PlotRequest request, ByteArrayOutputStream notes) throws Exception {
        try (RunReader reader = RunReader.open(run)) {
            return TimePlot.build(new PlotInput(reader, request, Style.forSize(request.width(), request.height()),
                    new PrintStream(notes, true, StandardCharsets.UTF_8), null));
        }
    }

    private static Figure figure(PlotRequest request) throws Exception {
        return figure(run, request, new ByteArrayOutputStream());
    }

    static List<String> headings(Figure f) {
        return f.panels().stream().map(Panel::heading).toList();
    }

    private static double[] scaled(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }

    @Test
    void byDefaultEveryRecordedQuantityGetsAPanelOnOneTimeAxis() throws Exception {
        Figure f = figure(request(List.of("S1"), CycleRange.ALL));
        assertEquals(List.of("Voltage / V", "Current / µA", "Applied Pressure / MPa", "Ambient Temperature / degC",
                "Temperature T1 / degC"), headings(f));
        double hours = 3600;
        AxisRange x = AxisRange.around(0, s1.time()[s1.time().length - 1] / hours, false);
        for (Panel p : f.panels()) {
            assertEquals("Test Time / h", p.xTitle);
            assertEquals(x, p.currentX(), p.heading() + " shares the time axis");
            assertEquals(p == f.panels().getLast(), p.isXLabelled(), "only the bottom panel labels time");
            assertEquals(1, p.traces().size());
            assertEquals(CellLooks.colour(0), p.traces().getFirst().colour());
        }
        // 484 samples over 8 h: each in a span of its own, so every one is drawn, in the unit of its panel
        double[] t = scaled(s1.time(), 1 / hours);
        List<Trace> traces = f.panels().stream().map(p -> p.traces().getFirst()).toList();
        assertArrayEquals(t, traces.get(0).x(), 1e-12);
        assertArrayEquals(s1.voltage(), traces.get(0).y());
        assertArrayEquals(scaled(s1.current(), 1e6), traces.get(1).y(), 1e-9);
        assertArrayEquals(scaled(s1.pressure(), 1e-6), traces.get(2).y(), 1e-9);
        assertArrayEquals(s1.t1(), traces.get(4).y());
        assertEquals(30, traces.get(2).y()[s1.slipAt()], 1e-9, "the fixture's slip is drawn");
        assertEquals(-666.67, f.panels().get(1).yData().lo(), 0.01, "a coin cell's C/3 in µA");
        assertTrue(f.keys().isEmpty(), "one cell: the title names it, no key");
        assertTrue(f.title().endsWith("· S1"), f.title());
    }

    @Test
    void cellsAreOverlaidInTheirOwnColoursAndACellWithoutAQuantityIsLeftOutOfItsPanel() throws Exception {
        Figure f = figure(request(List.of("S1", "S2"), CycleRange.ALL, "voltage", "pressure"));
        assertEquals(List.of("Voltage / V", "Applied Pressure / MPa"), headings(f));
        assertEquals(List.of(CellLooks.colour(0), CellLooks.colour(1)),
                f.panels().get(0).traces().stream().map(Trace::colour).toList());
        assertEquals(List.of(CellLooks.colour(0)), f.panels().get(1).traces().stream().map(Trace::colour).toList());
        Key.Entries key = (Key.Entries) f.keys().getFirst();
        assertEquals(List.of("S1", "S2"), key.entries().stream().map(Key.Entry::label).toList());
    }

    @Test
    void temperatureTakesTheChamberAndEveryThermocoupleAColumnNameJustOne() throws Exception {
        assertEquals(List.of("Ambient Temperature / degC", "Temperature T1 / degC"),
                headings(figure(request(List.of("S1"), CycleRange.ALL, "temperature"))));
        assertEquals(List.of("Temperature T1 / degC", "Voltage / V"),
                headings(figure(request(List.of("S1"), CycleRange.ALL, "TEMPERATURE_T1_CELSIUS", "voltage"))));
    }

    @Test
    void cyclesChooseTheStretchOfTimeDrawn() throws Exception {
        Figure f = figure(request(List.of("S1"), CycleRange.parse("2"), "voltage"));
        Panel p = f.panels().getFirst();
        // cycle 2 alone is 4 hours: drawn in minutes, from its first sample on
        assertEquals("Test Time / min", p.xTitle);
        double[] drawn = p.traces().getFirst().x();
        double[] cycle2 = Arrays.copyOfRange(s1.time(), s1.firstOfCycle2(), s1.time().length);
        assertArrayEquals(scaled(cycle2, 1 / 60.0), drawn, 1e-9);
        assertTrue(f.title().endsWith(" · cycle 2"), f.title());
    }

    private static UserError refused(PlotRequest request) throws Exception {
        Path out = dir.resolve("refused.png");
        try (RunReader reader = RunReader.open(run)) {
            UserError e = assertThrows(UserError.class, () -> Plots.write(reader, request, out, System.out));
            assertFalse(Files.exists(out), "no file for a refused plot");
            return e;
        }
    }

    @Test
    void anUnknownQuantityIsRefusedListingTheNamesThereAre() throws Exception {
        assertEquals("--y: no quantity 'presure'; choose from voltage, current, pressure, temperature, power or a"
                + " column of the run's imported files: temperature_t1_celsius",
                refused(request(List.of("S1", "S2"), CycleRange.ALL, "voltage", "presure")).getMessage());
    }

    @Test
    void aQuantityTheCellsDidNotRecordIsRefusedListingWhatTheyDid() throws Exception {
        assertEquals("--y pressure: no pressure was recorded in the data of S2; recorded: voltage, current, power",
                refused(request(List.of("S2"), CycleRange.ALL, "pressure")).getMessage());
        assertEquals("--y temperature: no temperature was recorded in the data of S2; recorded: voltage, current, power",
                refused(request(List.of("S2"), CycleRange.ALL, "temperature")).getMessage());
    }

    @Test
    void cyclesWithoutSamplesAndQuantitiesForOtherKindsAreRefused() throws Exception {
        assertEquals("no samples in cycles 7–9 in the data of S1",
                refused(request(List.of("S1"), CycleRange.parse("7..9"))).getMessage());
        PlotRequest voltage = new PlotRequest(PlotKind.VOLTAGE, List.of("S1"), CycleRange.ALL, 0, ColourBy.AUTO,
                CapacityAxis.AUTO, 0.005, Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, null, List.of("pressure"));
        assertEquals("--y chooses the quantities of the time plot only, not voltage", refused(voltage).getMessage());
    }

    @Test
    void moreQuantitiesThanFitAreRefusedWhenAskedForAndLeftOutWithANoteByDefault() throws Exception {
        PlotRequest small = new PlotRequest(PlotKind.TIME, List.of("S1"), CycleRange.ALL, 0, ColourBy.AUTO,
                CapacityAxis.AUTO, 0.005, 1000, 300, null, null, List.of());
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        assertEquals(List.of("Voltage / V", "Current / µA"), headings(figure(run, small, notes)));
        assertEquals("plot: 2 panels fit this figure; left out applied_pressure_pa, ambient_temperature_celsius,"
                + " temperature_t1_celsius (choose with --y)", notes.toString(StandardCharsets.UTF_8).strip());
        PlotRequest asked = new PlotRequest(PlotKind.TIME, List.of("S1"), CycleRange.ALL, 0, ColourBy.AUTO,
                CapacityAxis.AUTO, 0.005, 1000, 300, null, null, List.of("voltage", "current", "pressure"));
        String message = refused(asked).getMessage();
        assertTrue(message.startsWith("--y: 3 panels (voltage_volt, current_ampere, applied_pressure_pa) do not fit"
                + " a figure this high, at most 2"), message);
    }

    @Test
    void aRecordedHoleInTheDataBreaksTheLinesInsteadOfBridgingIt() throws Exception {
        // a run resumed with --accept-missing-data: samples from 10,000 s to 20,000 s were lost
        Path gapped = dir.resolve("gapped");
        RecordedTimeSeries.Recorded g;
        try (RunDirectorySink sink = RecordedCell.openRun(gapped, "G1")) {
            g = RecordedTimeSeries.record(sink, "G1", 2, 120, 60, true, 10_000, 20_000);
            sink.on(new io.cellbench.core.data.RunEvent.Notice("G1", 20_000,
                    io.cellbench.core.data.RunEvent.Severity.WARNING,
                    io.cellbench.daq.run.DataGap.message(10_000, 20_000, "accepted by the operator")));
        }
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        Figure f = figure(gapped, request(List.of("G1"), CycleRange.ALL, "voltage", "temperature_t1_celsius"), notes);
        for (Panel p : f.panels()) {
            double[] x = p.traces().getFirst().x();
            int breaks = 0;
            for (int i = 1; i < x.length - 1; i++) {
                if (Double.isNaN(x[i])) {
                    breaks++;
                    assertTrue(x[i - 1] * 3600 <= 10_000 && x[i + 1] * 3600 >= 20_000,
                            p.heading() + ": broken between " + x[i - 1] * 3600 + " s and " + x[i + 1] * 3600 + " s");
                }
            }
            assertEquals(1, breaks, p.heading() + ": one break, at the hole");
            assertEquals(g.time().length + 1, x.length, p.heading() + ": every sample drawn, and the break");
        }
        assertEquals("plot: G1 has no samples from 2.8 h to 5.6 h of its test time (data missing, see events.jsonl);"
                + " its lines are broken there", notes.toString(StandardCharsets.UTF_8).strip());
    }
}
