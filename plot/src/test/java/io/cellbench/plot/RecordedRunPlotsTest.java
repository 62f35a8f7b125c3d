package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.RunEvent.SpectrumMeasured;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.run.CycleRange;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.run.RunReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every kind of plot drawn from a real run directory (written by daq's RunDirectorySink, read by
 * RunReader): a 2 mAh cell, three cycles of a crude CC charge / CC discharge, a spectrum per
 * cycle. Each SVG is parsed with the JDK's XML parser.
 */
class RecordedRunPlotsTest {
    private static final double T0 = 1_767_225_600.0;
    private static final double CAPACITY_AH = 0.002;

    @TempDir
    Path dir;
    private Path run;

    @BeforeEach
    void recordARun() throws Exception {
        run = dir.resolve("run");
        try (RunDirectorySink sink = RunDirectorySink.open(run, new RunInfo("run-plot", Instant.ofEpochSecond((long) T0),
                "0.1.0-test", Map.of("A1", "cycler sim ch1")))) {
            sink.on(new RunStarted("A1", 0, new CellInfo("A1", "coin", "NMC811|Li6PS5Cl|Li-In", CAPACITY_AH,
                    Double.NaN, Double.NaN, ""), "formation", "Charge at C/3 until 3.7 V", false));
            double t = 0;
            int step = 0;
            double nan = Double.NaN;
            for (int cycle = 1; cycle <= 3; cycle++) {
                // C/3 for 3 h each way: 0 .. 2 mAh, voltage 3.0 .. 3.6 V with a kink, so dQ/dV has a peak
                for (int half = 0; half < 2; half++) {
                    step++;
                    boolean charge = half == 0;
                    double current = (charge ? 1 : -1) * CAPACITY_AH / 3;
                    for (int k = 0; k <= 180; k++, t += 60) {
                        double ah = CAPACITY_AH * k / 180.0;
                        double soc = charge ? ah / CAPACITY_AH : 1 - ah / CAPACITY_AH;
                        double v = 3.0 + 0.5 * soc + 0.1 * Math.tanh((soc - 0.4) * 12) + (charge ? 0.03 : -0.03);
                        sink.on(new SampleRecorded("A1", new Sample(t, T0 + t, v, current, cycle, step, charge ? 1 : 2,
                                charge ? ah : 0, charge ? 0 : ah, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                                1, charge ? ah : 0, charge ? 0 : ah, nan, nan)));
                    }
                }
                double r = 20 + 5 * cycle;
                sink.on(new SpectrumMeasured("A1", new Spectrum(t, T0 + t, cycle, step, 2, 25e6, 25.0, List.of(
                        new ImpedancePoint(1e5, r, -2), new ImpedancePoint(1e4, r + 10, -15),
                        new ImpedancePoint(1e3, r + 40, -25), new ImpedancePoint(1e2, r + 70, -15),
                        new ImpedancePoint(10, r + 80, -20), new ImpedancePoint(1, r + 90, -60)))));
            }
            sink.on(new RunEnded("A1", t, Outcome.COMPLETED, "all steps done"));
        }
    }

    private static PlotRequest request(PlotKind kind, CycleRange cycles) {
        return request(kind, cycles, ColourBy.AUTO, null);
    }

    private static PlotRequest request(PlotKind kind, CycleRange cycles, ColourBy colourBy, String fit) {
        return new PlotRequest(kind, List.of("A1"), cycles, 0, colourBy, CapacityAxis.AUTO, 0.01,
                Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, fit, null);
    }

    private List<String> draw(PlotKind kind) throws Exception {
        return draw(request(kind, CycleRange.ALL));
    }

    private UserError refused(PlotRequest request) throws Exception {
        Path out = dir.resolve("refused.png");
        try (RunReader reader = RunReader.open(run)) {
            UserError e = assertThrows(UserError.class, () -> Plots.write(reader, request, out, System.out));
            assertFalse(Files.exists(out), "no file for a refused plot");
            return e;
        }
    }

    private List<String> draw(PlotRequest request) throws Exception {
        PlotKind kind = request.kind();
        Path out = dir.resolve(kind.name().toLowerCase() + ".svg");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        try (RunReader reader = RunReader.open(run)) {
            Plots.write(reader, request, out, new PrintStream(notes, true, StandardCharsets.UTF_8));
        }
        String svg = Files.readString(out);
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), kind + ": NaN or Infinity in the SVG");
        Document doc = SvgFile.parse(out);
        List<String> texts = SvgFile.texts(doc);
        NodeList titles = doc.getElementsByTagNameNS("*", "title");
        assertEquals(1, titles.getLength(), kind + ": one title");
        assertTrue(titles.item(0).getTextContent().contains("A1"), kind + ": title names the cell: "
                + titles.item(0).getTextContent());
        return texts;
    }

    @Test
    void voltageCurvesListTheThreeCyclesInTheKey() throws Exception {
        List<String> texts = draw(PlotKind.VOLTAGE);
        assertTrue(texts.containsAll(List.of("Cycle", "1", "2", "3")), texts.toString());
        assertTrue(texts.contains("Voltage (V)"), texts.toString());
    }

    @Test
    void everyKindOfPlotIsDrawnFromTheRun() throws Exception {
        // one cell: capacity in mAh (percent only for cells of different sizes)
        Map<PlotKind, List<String>> axisTitles = Map.of(
                PlotKind.CAPACITY, List.of("Cycle", "Discharge capacity (mAh)", "Coulombic efficiency (%)"),
                PlotKind.NYQUIST, List.of("Re Z (Ω)", "−Im Z (Ω)"),
                PlotKind.BODE, List.of("Frequency (Hz)", "|Z| (Ω)", "−Phase (°)"),
                PlotKind.DQDV, List.of("Voltage (V)", "dQ/dV (mAh/V)"),
                PlotKind.DRT, List.of("τ (s)", "γ (Ω)"));
        for (var kind : axisTitles.entrySet()) {
            List<String> texts = draw(kind.getKey());
            assertTrue(texts.containsAll(kind.getValue()), kind.getKey() + ": " + texts);
        }
    }

    @Test
    void spectraColouredByPressureGetAPressureKey() throws Exception {
        // every spectrum was taken at 25 MPa: one pressure group, listed in the key
        List<String> texts = draw(request(PlotKind.NYQUIST, CycleRange.ALL, ColourBy.PRESSURE, null));
        assertTrue(texts.contains("Pressure"), texts.toString());
        assertFalse(texts.contains("Cycle"), texts.toString());
    }

    @Test
    void aFittedCircuitIsDrawnOverTheSpectraAndABadOneRefused() throws Exception {
        List<String> texts = draw(request(PlotKind.NYQUIST, CycleRange.ALL, ColourBy.AUTO, "R0-p(R1,C1)"));
        assertTrue(texts.stream().anyMatch(t -> t.contains("R0-p(R1,C1)")), "the fit's key names the circuit: " + texts);
        UserError e = refused(request(PlotKind.BODE, CycleRange.ALL, ColourBy.AUTO, "R0-p(R1"));
        assertTrue(e.getMessage().startsWith("--fit: "), e.getMessage());
    }

    @Test
    void kindsNeedingSpectraOrDischargesRefuseCyclesWithoutThem() throws Exception {
        CycleRange none = CycleRange.parse("7..9");
        assertEquals("no impedance spectra in cycles 7–9 for A1 in this run; nyquist, bode and drt plots need EIS steps"
                + " in the protocol", refused(request(PlotKind.DRT, none)).getMessage());
        assertEquals("no discharge in cycles 7–9 in the data of A1", refused(request(PlotKind.CAPACITY, none)).getMessage());
    }

    @Test
    void aResistancePlotOfARunWithoutFitsSaysHowToGetThem() throws Exception {
        String message = refused(request(PlotKind.RESISTANCE, CycleRange.ALL)).getMessage();
        assertTrue(message.startsWith("no fitted resistances for A1 in this run (no fits.arrows)"), message);
        assertTrue(message.contains("cellbench data eis DIR --fit"), message);
    }

    @Test
    void cyclesOutsideTheRunAreRefusedNamingTheRangeAndTheCell() throws Exception {
        Path out = dir.resolve("none.png");
        try (RunReader reader = RunReader.open(run)) {
            UserError e = assertThrows(UserError.class, () -> Plots.write(reader,
                    request(PlotKind.VOLTAGE, CycleRange.parse("7..9")), out, System.out));
            assertEquals("no cycles in 7–9 in the data of A1", e.getMessage());
        }
        assertFalse(Files.exists(out));
    }
}
