package io.cellbench.plot;

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
 * cycle ({@link RecordedCell}). Each SVG is parsed with the JDK's XML parser.
 */
class RecordedRunPlotsTest {
    @TempDir
    Path dir;
    private Path run;

    @BeforeEach
    void recordARun() throws Exception {
        run = dir.resolve("run");
        try (RunDirectorySink sink = RecordedCell.openRun(run, "A1")) {
            RecordedCell.record(sink, "A1", 0.002, 3, 180, 25e6);
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
