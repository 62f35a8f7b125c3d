package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.impedance.SweepFits;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunReader;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.table.SweepAnalysis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resistance plot from fits a run really made: spectra computed by hand from
 * R0 + R1‖C1 + R2‖C2 with R_int growing 40, 55, 70 Ω over three cycles, recorded by RunDirectorySink
 * and fitted into fits.arrows by daq's SweepFits as a run does. The plot must draw back the
 * resistances the spectra were made from.
 */
class ResistanceFromFitsTest {
    private static final double R0 = 20;
    private static final double R1 = 8;
    private static final double C1 = 1e-9;
    private static final double C2 = 1e-5;
    private static final double[] R2 = {40, 55, 70};

    @TempDir
    static Path dir;
    private static Path run;

    /** Z of R0 + R1‖C1 + R2‖C2 at f: R/(1 + jωRC) = R(1 − jωRC)/(1 + (ωRC)²). */
    private static ImpedancePoint point(double f, double r2) {
        double w = 2 * Math.PI * f;
        double re = R0;
        double im = 0;
        for (double[] rc : new double[][] {{R1, C1}, {r2, C2}}) {
            double wrc = w * rc[0] * rc[1];
            re += rc[0] / (1 + wrc * wrc);
            im -= rc[0] * wrc / (1 + wrc * wrc);
        }
        return new ImpedancePoint(f, re, im);
    }

    @BeforeAll
    static void recordAndFit() throws Exception {
        run = dir.resolve("run");
        List<RunEvent.Notice> notes = new CopyOnWriteArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
             RunDirectorySink sink = RecordedCell.openRun(run, "A1")) {
            SweepFits fits = new SweepFits(run, new SweepAnalysis(FitRequest.of("R0-p(R1,C1)-p(R2,C2)")),
                    ArrowWriteOptions.DEFAULTS, allocator, notes::add, List.of());
            List<RunEvent> events = new ArrayList<>();
            events.add(new RunEvent.RunStarted("A1", 0, new CellInfo("A1", "coin", "NMC811|Li6PS5Cl|Li-In", 0.002,
                    Double.NaN, Double.NaN, ""), "eis", "", false));
            for (int cycle = 1; cycle <= 3; cycle++) {
                List<ImpedancePoint> points = new ArrayList<>();
                // 1 MHz to 0.1 Hz, 8 points a decade
                for (int k = 0; k <= 56; k++) {
                    points.add(point(1e6 * Math.pow(10, -k / 8.0), R2[cycle - 1]));
                }
                double t = cycle * 3600.0;
                events.add(new RunEvent.SpectrumMeasured("A1", new Spectrum(t, RecordedCell.T0 + t, cycle, cycle, 1,
                        (10 + 20 * cycle) * 1e6, 25, points)));
            }
            events.add(new RunEvent.RunEnded("A1", 4 * 3600.0, RunEvent.Outcome.COMPLETED, ""));
            for (RunEvent e : events) {
                sink.on(e);
                fits.on(e);
            }
            fits.close();
        }
        assertEquals(List.of(), notes, "every sweep fitted");
    }

    private static List<ResistanceSeries> series(ResistanceAxis against, ByteArrayOutputStream notes) throws Exception {
        try (RunReader reader = RunReader.open(run)) {
            return Plots.resistanceSeries(reader, new PlotRequest(PlotKind.RESISTANCE, List.of("A1"), CycleRange.ALL, 0,
                    ColourBy.AUTO, CapacityAxis.AUTO, 0.01, Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, against),
                    new PrintStream(notes, true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theFitsGiveBackTheResistancesTheSpectraWereMadeFrom() throws Exception {
        List<ResistanceSeries> series = series(null, new ByteArrayOutputStream());
        assertEquals(List.of(Resistance.BULK, Resistance.GRAIN_BOUNDARY, Resistance.INTERFACE),
                series.stream().map(ResistanceSeries::resistance).toList());
        for (ResistanceSeries s : series) {
            assertEquals(List.of(1.0, 2.0, 3.0), java.util.Arrays.stream(s.x()).boxed().toList(), "against cycle");
            for (int k = 0; k < 3; k++) {
                double expected = switch (s.resistance()) {
                    case BULK -> R0;
                    case GRAIN_BOUNDARY -> R1;
                    case INTERFACE -> R2[k];
                };
                assertEquals(expected, s.y()[k], 0.01 * expected, s.resistance() + " in cycle " + (k + 1));
            }
        }
    }

    @Test
    void againstPressureTheXAxisIsTheStackPressureInMegapascal() throws Exception {
        List<ResistanceSeries> series = series(ResistanceAxis.PRESSURE, new ByteArrayOutputStream());
        // recorded at (10 + 20·cycle) MPa
        assertEquals(List.of(30.0, 50.0, 70.0), java.util.Arrays.stream(series.getFirst().x()).boxed().toList());
    }

    @Test
    void theResistancePlotIsDrawnWithItsTitlesAndAMarkerKey() throws Exception {
        Path out = dir.resolve("resistance.svg");
        try (RunReader reader = RunReader.open(run)) {
            Plots.write(reader, new PlotRequest(PlotKind.RESISTANCE, List.of("A1"), CycleRange.ALL, 0, ColourBy.AUTO,
                    CapacityAxis.AUTO, 0.01, 800, 600, null, null), out, System.out);
        }
        List<String> texts = SvgFile.texts(SvgFile.parse(out));
        assertTrue(texts.containsAll(List.of("Cycle", "Resistance (Ω)", "Fitted resistances · A1", "R_bulk (R0)", "R_gb (R1)",
                "R_int (R2)")), texts.toString());
    }
}
