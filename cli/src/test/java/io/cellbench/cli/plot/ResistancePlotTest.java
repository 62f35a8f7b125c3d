package io.cellbench.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.arrow.ArrowCycleReader;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.daq.run.RunReader;
import io.cellbench.plot.CapacityAxis;
import io.cellbench.plot.ColourBy;
import io.cellbench.plot.PlotKind;
import io.cellbench.plot.PlotRequest;
import io.cellbench.plot.Plots;
import io.cellbench.plot.Resistance;
import io.cellbench.plot.ResistanceAxis;
import io.cellbench.plot.ResistanceSeries;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot --kind resistance} on the demo (four cells at 60, 15, 5 and 1 MPa, every sweep fitted
 * with the bundled circuit): what it draws is checked on the plot module's series, before they are
 * drawn, against the run's files read here independently: each cycle's R_bulk, R_gb and R_int from
 * the cells' cycles.arrows, each sweep's pressure and temperature from spectra.arrows.
 */
class ResistancePlotTest {
    @TempDir
    static Path tmp;
    static final Path demo = RecordedDemo.path();

    private static List<ResistanceSeries> series(ResistanceAxis against) throws IOException {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        try (RunReader reader = RunReader.open(demo)) {
            PlotRequest request = new PlotRequest(PlotKind.RESISTANCE, reader.cells(), CycleRange.parse(null), 0,
                    ColourBy.AUTO, CapacityAxis.AUTO, 0.005, Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, against);
            List<ResistanceSeries> series = Plots.resistanceSeries(reader, request,
                    new PrintStream(notes, true, StandardCharsets.UTF_8));
            assertEquals("", notes.toString(StandardCharsets.UTF_8), "every demo fit is trusted; nothing to say");
            return series;
        }
    }

    private static List<String> cells() throws IOException {
        try (RunReader reader = RunReader.open(demo)) {
            return reader.cells();
        }
    }

    /** The cell's cycles.arrows as the run wrote it. */
    private static List<CycleSummary> cyclesArrows(String cell) throws IOException {
        List<CycleSummary> rows = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            var report = ArrowCycleReader.read(RunLayout.cellDirectory(demo, cell).resolve("cycles.arrows"), allocator,
                    rows::add);
            assertTrue(report.clean(), report.warnings().toString());
        }
        return rows;
    }

    private static final Map<Resistance, ToDoubleFunction<CycleSummary>> IN_CYCLES = Map.of(
            Resistance.BULK, CycleSummary::bulkResistanceOhm,
            Resistance.GRAIN_BOUNDARY, CycleSummary::grainBoundaryResistanceOhm,
            Resistance.INTERFACE, CycleSummary::interfaceResistanceOhm);

    @Test
    void againstCycleEachCellsResistancesAreThoseOfItsCyclesArrows() throws IOException {
        List<ResistanceSeries> series = series(ResistanceAxis.CYCLE);
        List<String> cells = cells();
        assertEquals(4, cells.size(), cells.toString());
        assertEquals(cells.size() * Resistance.values().length, series.size(), "a series per cell and resistance");
        for (ResistanceSeries s : series) {
            List<CycleSummary> fitted = cyclesArrows(s.cell()).stream()
                    .filter(c -> Double.isFinite(IN_CYCLES.get(s.resistance()).applyAsDouble(c))).toList();
            assertTrue(fitted.size() >= 5, s.cell() + ": " + fitted.size() + " cycles with a fitted sweep");
            assertArrayEquals(fitted.stream().mapToDouble(CycleSummary::cycleCount).toArray(), s.x(),
                    s.cell() + " " + s.resistance());
            assertArrayEquals(fitted.stream().mapToDouble(IN_CYCLES.get(s.resistance())).toArray(), s.y(),
                    s.cell() + " " + s.resistance());
        }
        assertOneColourPerCell(series);
    }

    @Test
    void againstPressureEverySweepIsAPointAtThePressureRecordedWithIt() throws IOException {
        List<ResistanceSeries> series = series(ResistanceAxis.PRESSURE);
        assertEquals(cells().size() * Resistance.values().length, series.size());
        try (RunReader reader = RunReader.open(demo)) {
            for (ResistanceSeries s : series) {
                List<Spectrum> spectra = reader.spectra(s.cell());
                assertArrayEquals(spectra.stream().mapToDouble(sp -> sp.appliedPressurePa() / 1e6).toArray(), s.x(),
                        1e-9, s.cell() + " " + s.resistance());
                // the last sweep of each cycle is the one cycles.arrows summarises
                Set<Double> drawn = new HashSet<>();
                for (double y : s.y()) {
                    drawn.add(y);
                }
                for (CycleSummary c : cyclesArrows(s.cell())) {
                    double r = IN_CYCLES.get(s.resistance()).applyAsDouble(c);
                    assertTrue(Double.isNaN(r) || drawn.contains(r), s.cell() + " cycle " + c.cycleCount() + ": " + r);
                }
            }
        }
        // the demo's pressure series: the coin cell's interface resistance falls from 15 to 60 MPa
        double at15 = mean(series, "coin-15MPa", Resistance.INTERFACE);
        double at60 = mean(series, "coin-60MPa", Resistance.INTERFACE);
        assertTrue(at60 < 0.8 * at15, "R_int " + at15 + " Ω at 15 MPa, " + at60 + " Ω at 60 MPa");
        assertOneColourPerCell(series);
    }

    @Test
    void againstTemperatureEverySweepIsAPointAtTheTemperatureRecordedWithIt() throws IOException {
        List<ResistanceSeries> series = series(ResistanceAxis.TEMPERATURE);
        try (RunReader reader = RunReader.open(demo)) {
            for (ResistanceSeries s : series) {
                assertArrayEquals(reader.spectra(s.cell()).stream().mapToDouble(Spectrum::ambientTemperatureCelsius)
                        .toArray(), s.x(), 1e-12, s.cell());
            }
        }
    }

    @Test
    void theFigureNamesItsAxesCellsAndResistances() throws IOException {
        List<String> texts = Cellbench.plotTexts(tmp.resolve("resistance-pressure.svg"), demo, "--kind", "resistance",
                "--against", "pressure");
        List<String> expected = new ArrayList<>(List.of("Stack pressure (MPa)", "Resistance (Ω)", "Cell", "Resistance",
                "R_bulk (R0)", "R_gb (R1)", "R_int (R2)", "Fitted resistances · 4 cells"));
        expected.addAll(cells());
        for (String t : expected) {
            assertTrue(texts.contains(t), "no '" + t + "' in " + texts);
        }
        Path png = tmp.resolve("resistance-cycle.png");
        Cellbench.Outcome o = Cellbench.run("plot", demo, "--kind", "resistance", "-o", png);
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.size(png) > 0);
        // the four cells' colours are on the image (Okabe–Ito: blue, vermillion, green, pink)
        var image = Images.png(png);
        for (int rgb : new int[] {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7}) {
            assertTrue(Images.hasPixel(image, rgb), String.format("no #%06X on the image", rgb));
        }
        assertTrue(Cellbench.plotTexts(tmp.resolve("resistance-cycle.svg"), demo, "--kind", "resistance",
                "--against", "cycle").contains("Cycle"));
    }

    private static double mean(List<ResistanceSeries> series, String cell, Resistance r) {
        ResistanceSeries s = series.stream().filter(x -> x.cell().equals(cell) && x.resistance() == r).findFirst()
                .orElseThrow();
        return java.util.Arrays.stream(s.y()).average().orElseThrow();
    }

    /** Every series of a cell has the cell's colour, and no two cells share one. */
    private static void assertOneColourPerCell(List<ResistanceSeries> series) {
        Map<String, Color> byCell = new HashMap<>();
        for (ResistanceSeries s : series) {
            Color before = byCell.putIfAbsent(s.cell(), s.colour());
            assertTrue(before == null || before.equals(s.colour()), s.cell() + " has two colours");
        }
        assertEquals(byCell.size(), new HashSet<>(byCell.values()).size(), "cells share a colour: " + byCell);
        Map<String, Set<Resistance>> resistances = new HashMap<>();
        series.forEach(s -> assertTrue(resistances.computeIfAbsent(s.cell(), c -> new HashSet<>()).add(s.resistance()),
                s.cell() + " has " + s.resistance() + " twice"));
    }
}
