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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Plots of several cells from one real run directory: a 2 mAh coin cell of 70 cycles (more than
 * the 60 curves a plot draws), a 300 mAh pouch and two more coin cells, their spectra taken at
 * 10, 50, 100 and 100 MPa; a cell measured at two set points and one whose pressure was never recorded.
 */
class ManyCellsPlotsTest {
    @TempDir
    static Path dir;
    private static Path run;

    @BeforeAll
    static void recordARun() throws Exception {
        run = dir.resolve("run");
        try (RunDirectorySink sink = RecordedCell.openRun(run, "A1", "B2", "C3", "D4", "E5", "F6")) {
            RecordedCell.record(sink, "A1", 0.002, 70, 12, 10e6);
            RecordedCell.record(sink, "B2", 0.3, 2, 40, 50e6);
            RecordedCell.record(sink, "C3", 0.002, 2, 40, 100e6);
            RecordedCell.record(sink, "D4", 0.002, 2, 40, 100e6);
            // a load cell's readings of two set points, 60 and 120 MPa
            double[] e5 = {59.9e6, 60.1e6, 120e6, 120e6};
            RecordedCell.record(sink, "E5", 0.002, 4, 20, cycle -> e5[cycle - 1]);
            RecordedCell.record(sink, "F6", 0.002, 2, 20, Double.NaN);
        }
    }

    private record Drawn(List<String> texts, String title, String notes) {
    }

    private static Drawn draw(PlotKind kind, List<String> cells) throws Exception {
        return draw(kind, cells, ColourBy.AUTO);
    }

    private static Drawn draw(PlotKind kind, List<String> cells, ColourBy colourBy) throws Exception {
        Path out = dir.resolve(kind.name().toLowerCase() + "-" + String.join("", cells) + ".svg");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        try (RunReader reader = RunReader.open(run)) {
            Plots.write(reader, new PlotRequest(kind, cells, CycleRange.ALL, 0, colourBy, CapacityAxis.AUTO, 0.01,
                    Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT, null, null), out,
                    new PrintStream(notes, true, StandardCharsets.UTF_8));
        }
        Document doc = SvgFile.parse(out);
        return new Drawn(SvgFile.texts(doc), doc.getElementsByTagNameNS("*", "title").item(0).getTextContent(),
                notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void seventyCyclesAreThinnedToEverySecondWithANote() throws Exception {
        // ⌈(70 − 1) / (60 − 1)⌉ = 2: cycles 1, 3, … 69 and the last, 70
        Drawn d = draw(PlotKind.VOLTAGE, List.of("A1"));
        assertEquals("plot: 70 cycles selected; drawing every 2nd one (choose with --every or --cycles)\n", d.notes());
        assertTrue(d.texts().contains("Cycle"), d.texts().toString());
    }

    @Test
    void cellsOfVeryDifferentSizesShareAPercentAxis() throws Exception {
        // 2 mAh beside 300 mAh is more than 3 times apart: percent of nominal
        Drawn d = draw(PlotKind.CAPACITY, List.of("A1", "B2"));
        assertTrue(d.texts().contains("Discharge capacity (% of nominal)"), d.texts().toString());
        assertTrue(d.texts().containsAll(List.of("A1", "B2")), d.texts().toString());
        assertTrue(d.title().contains("A1, B2"), d.title());
    }

    @Test
    void spectraOfFourCellsEachAtOnePressureAreColouredByCycleAndMarkedByCell() throws Exception {
        // AUTO colours by pressure only when one cell's spectra differ in pressure; here each cell
        // kept its own, so the colour is the cycle: 74 spectra, a bar from 1 to 70 ticked at 1 and
        // every 10 (69 / 5 = 13.8 -> a step of 10; 10 is 9 cycles above 1, so 1 gets a tick)
        Drawn d = draw(PlotKind.NYQUIST, List.of("A1", "B2", "C3", "D4"));
        assertTrue(d.texts().containsAll(List.of("Cycle", "1", "10", "40", "70", "Cell", "A1", "B2", "C3", "D4")),
                d.texts().toString());
        assertTrue(!d.texts().contains("Pressure"), d.texts().toString());
        // beyond three cells the title counts them; the key names them
        assertTrue(d.title().contains("4 cells"), d.title());
    }

    @Test
    void dqDvOfFourCellsIsAPanelPerCellHeadedByIt() throws Exception {
        Drawn d = draw(PlotKind.DQDV, List.of("A1", "B2", "C3", "D4"));
        assertTrue(d.texts().containsAll(List.of("A1", "B2", "C3", "D4", "dQ/dV (mAh/V)")), d.texts().toString());
    }

    @Test
    void readingsOfOneSetPointShareAColourNamedByTheirMean() throws Exception {
        // 59.9 and 60.1 MPa are within 3 % + 0.05 MPa of each other: one group, mean 60; 120 another
        Drawn d = draw(PlotKind.NYQUIST, List.of("E5"));
        assertTrue(d.texts().containsAll(List.of("Pressure", "60 MPa", "120 MPa")), d.texts().toString());
        assertTrue(!d.texts().contains("59.9 MPa") && !d.texts().contains("Cycle"), d.texts().toString());
    }

    @Test
    void colouringByAPressureNeverRecordedIsRefused() throws Exception {
        UserError e = assertThrows(UserError.class, () -> draw(PlotKind.BODE, List.of("F6"), ColourBy.PRESSURE));
        assertEquals("--colour-by pressure: no pressure was recorded with these spectra", e.getMessage());
    }
}
