package io.cellbench.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.plot.PlotKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Every plot kind drawn from a real simulated run (two coin cells at 60 and 15 MPa,
 * formation and five C/3 cycles, three impedance spectra each), read back as pixels and
 * as SVG text.
 */
class PlotCommandTest {
    private static final String RESOURCES = "/io/cellbench/cli/plot/";

    @TempDir
    static Path tmp;
    static Path run;
    static Path runWithoutSpectra;

    @BeforeAll
    static void simulate() throws IOException {
        Path inputs = tmp.resolve("inputs");
        Files.createDirectories(inputs);
        for (String f : List.of("schedule.yaml", "cycling.yaml", "no-eis.yaml", "one-cycle.yaml")) {
            try (InputStream in = PlotCommandTest.class.getResourceAsStream(RESOURCES + f)) {
                Files.copy(in, inputs.resolve(f));
            }
        }
        run = tmp.resolve("run");
        runWithoutSpectra = tmp.resolve("run-no-eis");
        Cellbench.Outcome a = Cellbench.run("run", inputs.resolve("schedule.yaml"), "--simulate", "--out", run);
        assertEquals(0, a.code(), a.err());
        Cellbench.Outcome b = Cellbench.run("run", inputs.resolve("no-eis.yaml"), "--simulate", "--out", runWithoutSpectra);
        assertEquals(0, b.code(), b.err());
    }

    private static String name(PlotKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** resistance needs fitted sweeps, which this run has none of: ResistancePlotTest draws it from the demo. */
    @ParameterizedTest
    @EnumSource(value = PlotKind.class, names = "RESISTANCE", mode = EnumSource.Mode.EXCLUDE)
    void drawsEveryKindAsPngOfTheRequestedSize(PlotKind kind) throws IOException {
        Path png = tmp.resolve(name(kind) + ".png");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", name(kind), "-o", png, "--width", 900, "--height", 640);
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("wrote " + png), o.out());

        BufferedImage image = Images.png(png);
        assertEquals(900, image.getWidth());
        assertEquals(640, image.getHeight());
        int colours = Images.distinctColours(image);
        assertTrue(colours > 150, "only " + colours + " distinct colours: nothing much was drawn");
        int ink = Images.colouredPixelsInMiddle(image);
        assertTrue(ink > 1500, "only " + ink + " coloured pixels in the plot area");
    }

    static Stream<Arguments> axisTitles() {
        return Stream.of(
                Arguments.of(PlotKind.VOLTAGE, List.of("Capacity (mAh)", "Voltage (V)", "Cycle")),
                Arguments.of(PlotKind.CAPACITY, List.of("Cycle", "Discharge capacity (mAh)", "Coulombic efficiency (%)")),
                Arguments.of(PlotKind.NYQUIST, List.of("Re Z (Ω)", "−Im Z (Ω)")),
                Arguments.of(PlotKind.BODE, List.of("Frequency (Hz)", "|Z| (Ω)", "−Phase (°)")),
                Arguments.of(PlotKind.DQDV, List.of("Voltage (V)", "dQ/dV (mAh/V)")),
                Arguments.of(PlotKind.DRT, List.of("τ (s)", "γ (Ω)")));
    }

    @ParameterizedTest
    @MethodSource("axisTitles")
    void drawsEveryKindAsSvgWithItsAxisTitlesAsText(PlotKind kind, List<String> titles) throws IOException {
        Path svg = tmp.resolve(name(kind) + ".svg");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", name(kind), "--out", svg);
        assertEquals(0, o.code(), o.err());

        var document = Images.svg(svg);
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("1000px", root.getAttribute("width"));
        assertEquals("700px", root.getAttribute("height"));
        List<String> texts = Images.texts(document);
        for (String title : titles) {
            assertTrue(texts.contains(title), "no text '" + title + "' in " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("coin-60MPa") && t.contains("coin-15MPa")),
                "the figure title names the cells: " + texts);
        // each curve is one path, not a line element per segment (as xchart's own renderer draws)
        int lines = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength();
        assertTrue(lines < 200, lines + " line elements");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"300,300", "8000,300", "300,8000"})
    void stackedPlotsKeepTheirScaleAtExtremeSizes(int width, int height) throws IOException {
        // xchart drops its scale when a panel has no room for ticks; the figure must not let it
        for (String kind : List.of("capacity", "bode")) {
            Path png = tmp.resolve(kind + "-" + width + "x" + height + ".png");
            // two cycles: the cycle axis asks for ticks a whole cycle apart
            String cycles = kind.equals("capacity") ? "2..3" : "1..";
            Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", kind, "--cycles", cycles,
                    "--width", width, "--height", height, "-o", png);
            assertEquals(0, o.code(), o.err());
            assertTrue(Images.colouredPixelsInMiddle(Images.png(png)) > 50, kind + " at " + width + "×" + height);
        }
    }

    @Test
    void voltageWithFewCyclesListsEachCycleInTheKey() throws IOException {
        Path svg = tmp.resolve("voltage-2-4.svg");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--cell", "coin-60MPa", "--kind", "voltage",
                "--cycles", "2..4", "-o", svg);
        assertEquals(0, o.code(), o.err());
        List<String> texts = Images.texts(Images.svg(svg));
        assertTrue(texts.containsAll(List.of("2", "3", "4")), texts.toString());
        assertFalse(texts.contains("5"), texts.toString());
        assertTrue(texts.contains("Voltage profiles · coin-60MPa · cycles 2–4"), texts.toString());
    }

    @Test
    void everyThinsTheCyclesButKeepsTheLast() throws IOException {
        Path svg = tmp.resolve("dqdv-every.svg");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--cell", "coin-15MPa", "--kind", "dqdv", "--every", 2, "-o", svg);
        assertEquals(0, o.code(), o.err());
        List<String> texts = Images.texts(Images.svg(svg));
        assertTrue(texts.containsAll(List.of("1", "3", "5", "6")), texts.toString());
        assertFalse(texts.contains("2") || texts.contains("4"), texts.toString());
    }

    @Test
    void spectraAreColouredByPressureOnRequestAndByCycleWhenEachCellKeptItsPressure() throws IOException {
        Path byPressure = tmp.resolve("nyquist-pressure.svg");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", "nyquist", "--colour-by", "pressure", "-o", byPressure);
        assertEquals(0, o.code(), o.err());
        List<String> texts = Images.texts(Images.svg(byPressure));
        assertTrue(texts.containsAll(List.of("Pressure", "60 MPa", "15 MPa", "Cell")), texts.toString());

        Path auto = tmp.resolve("nyquist-auto.svg");
        o = Cellbench.run("plot", run, "--kind", "nyquist", "-o", auto);
        assertEquals(0, o.code(), o.err());
        texts = Images.texts(Images.svg(auto));
        assertTrue(texts.contains("Cycle") && !texts.contains("Pressure"), texts.toString());
        // two spectra in cycle 1 (before and after formation), told apart in time order
        assertTrue(texts.containsAll(List.of("1 (1 of 2)", "1 (2 of 2)", "6")), texts.toString());
    }

    @Test
    void capacityOverlaysCellsInTheirOwnColours() throws IOException {
        Path png = tmp.resolve("capacity-colours.png");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", "capacity", "-o", png);
        assertEquals(0, o.code(), o.err());
        BufferedImage image = Images.png(png);
        // the markers are filled with the cells' Okabe–Ito colours: blue, then vermillion
        assertTrue(Images.hasPixel(image, 0x0072B2), "first cell's blue is missing");
        assertTrue(Images.hasPixel(image, 0xD55E00), "second cell's vermillion is missing");
    }

    @Test
    void plotFilesAreWrittenWithTheModeOfEveryOtherOutput() throws IOException {
        // issue 11: plots came out 0600 (a temporary file's mode) where every other output is 0644
        Path png = tmp.resolve("mode.png");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", "capacity", "-o", png);
        assertEquals(0, o.code(), o.err());
        Path other = Files.createFile(tmp.resolve("any-other-output.txt"));
        assertEquals(Files.getPosixFilePermissions(other), Files.getPosixFilePermissions(png));
        assertTrue(Files.getPosixFilePermissions(png).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                || !Files.getPosixFilePermissions(other).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void cellsOfVeryDifferentSizeAreDrawnAsAShareOfTheirNominalCapacity() throws IOException {
        // issue 11: a 2 mAh coin cell beside a 300 mAh pouch was a flat line at zero on one mAh axis
        Path inputs = tmp.resolve("mixed-inputs");
        Files.createDirectories(inputs);
        for (String f : List.of("mixed.yaml", "two-cycles.yaml")) {
            try (InputStream in = PlotCommandTest.class.getResourceAsStream(RESOURCES + f)) {
                Files.copy(in, inputs.resolve(f));
            }
        }
        Path mixed = tmp.resolve("run-mixed");
        Cellbench.Outcome r = Cellbench.run("run", inputs.resolve("mixed.yaml"), "--simulate", "--out", mixed);
        assertEquals(0, r.code(), r.err());
        Path svg = tmp.resolve("mixed-capacity.svg");
        Cellbench.Outcome o = Cellbench.run("plot", mixed, "--kind", "capacity", "-o", svg);
        assertEquals(0, o.code(), o.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("Discharge capacity (% of nominal)"), "the axis is a share of nominal");
        assertFalse(text.contains("Discharge capacity (mAh)"));
        Path mah = tmp.resolve("mixed-capacity-mah.svg");
        assertEquals(0, Cellbench.run("plot", mixed, "--kind", "capacity", "--capacity-axis", "mah", "-o", mah).code());
        assertTrue(Files.readString(mah).contains("Discharge capacity (mAh)"), "mAh on request");
        // cells of one size keep the mAh axis
        Path same = tmp.resolve("same-size.svg");
        assertEquals(0, Cellbench.run("plot", run, "--kind", "capacity", "-o", same).code());
        assertTrue(Files.readString(same).contains("Discharge capacity (mAh)"));
        // and a Nyquist plot gives each its own panel (1 Ω beside 100 Ω would be a dot at the origin)
        Path nyquist = tmp.resolve("mixed-nyquist.svg");
        assertEquals(0, Cellbench.run("plot", mixed, "--kind", "nyquist", "-o", nyquist).code());
        String ny = Files.readString(nyquist);
        assertEquals(2, ny.split("Re Z \\(").length - 1, "a panel, with its own axes, for each cell");
        Path coins = tmp.resolve("same-size-nyquist.svg");
        assertEquals(0, Cellbench.run("plot", run, "--kind", "nyquist", "-o", coins).code());
        assertEquals(1, Files.readString(coins).split("Re Z \\(").length - 1, "cells of one size share the axes");
    }

    @Test
    void unknownCellIsAMessageNotAStackTrace() {
        Path png = tmp.resolve("never.png");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--cell", "coin-99", "--kind", "voltage", "-o", png);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("has no cell 'coin-99'"), o.err());
        assertTrue(o.err().contains("coin-60MPa") && o.err().contains("coin-15MPa"), "names the cells it has: " + o.err());
        assertNoStackTrace(o);
        assertFalse(Files.exists(png));
    }

    @Test
    void impedancePlotsOfARunWithoutSpectraSaySo() {
        for (String kind : List.of("nyquist", "bode")) {
            Path png = tmp.resolve("no-eis-" + kind + ".png");
            Cellbench.Outcome o = Cellbench.run("plot", runWithoutSpectra, "--kind", kind, "-o", png);
            assertEquals(2, o.code(), kind);
            assertTrue(o.err().contains("no impedance spectra for coin-1"), o.err());
            assertNoStackTrace(o);
            assertFalse(Files.exists(png));
        }
    }

    @Test
    void unknownExtensionIsRefusedBeforeAnythingIsRead() {
        Path jpg = tmp.resolve("plot.jpg");
        Cellbench.Outcome o = Cellbench.run("plot", tmp.resolve("no-such-run"), "--kind", "voltage", "-o", jpg);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("'.jpg'") && o.err().contains(".png or .svg"), o.err());
        assertNoStackTrace(o);
        assertFalse(Files.exists(jpg));
    }

    @Test
    void otherMistakesAreMessagesToo() {
        Path png = tmp.resolve("never.png");
        Cellbench.Outcome missing = Cellbench.run("plot", tmp.resolve("no-such-run"), "--kind", "voltage", "-o", png);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no run directory at"), missing.err());

        Cellbench.Outcome emptyRange = Cellbench.run("plot", run, "--kind", "voltage", "--cycles", "50..60", "-o", png);
        assertEquals(2, emptyRange.code());
        assertTrue(emptyRange.err().contains("no cycles in 50–60"), emptyRange.err());

        Cellbench.Outcome tiny = Cellbench.run("plot", run, "--kind", "voltage", "--width", 20, "-o", png);
        assertEquals(2, tiny.code());
        assertTrue(tiny.err().contains("--width must be between"), tiny.err());

        Cellbench.Outcome bin = Cellbench.run("plot", run, "--kind", "dqdv", "--bin", "5 mA", "-o", png);
        assertEquals(2, bin.code());
        assertTrue(bin.err().contains("expected a voltage"), bin.err());

        Cellbench.Outcome kind = Cellbench.run("plot", run, "--kind", "ragone", "-o", png);
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("ragone"), kind.err());
        for (Cellbench.Outcome o : List.of(missing, emptyRange, tiny, bin, kind)) {
            assertNoStackTrace(o);
        }
        assertFalse(Files.exists(png));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"nyquist", "bode"})
    void fitOverlayNamesTheCircuitAndTheResistancesDataEisFits(String kind) throws IOException {
        Path svg = tmp.resolve(kind + "-fit.svg");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", kind, "--cell", "coin-60MPa", "--fit", "-o", svg);
        assertEquals(0, o.code(), o.err());
        List<String> texts = Images.texts(Images.svg(svg));
        assertTrue(texts.contains(SolidStateCircuit.CIRCUIT), "the key names the circuit: " + texts);

        Cellbench.Outcome eis = Cellbench.run("data", "eis", run, "--cell", "coin-60MPa", "--fit", "--format", "json");
        assertEquals(0, eis.code(), eis.err());
        JsonNode rows = new ObjectMapper().readTree(eis.out());
        JsonNode last = rows.get(rows.size() - 1);
        assertTrue(texts.contains("coin-60MPa, cycle " + last.get("cycle_count").asInt()
                + (last.get("fit_trustworthy").asInt() == 1 ? "" : " (untrusted)")), texts.toString());
        for (String r : List.of("R0", "R1", "R2")) {
            String shown = String.format(Locale.ROOT, "%s = %.4g Ω ± ", r, last.get(r).asDouble());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(shown)), "no '" + shown + "…' in " + texts);
        }
    }

    @Test
    void drtMarksThePeaksDataEisFinds() throws IOException {
        Path svg = tmp.resolve("drt-peaks.svg");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", "drt", "--cell", "coin-15MPa", "-o", svg);
        assertEquals(0, o.code(), o.err());
        List<String> texts = Images.texts(Images.svg(svg));

        Cellbench.Outcome eis = Cellbench.run("data", "eis", run, "--cell", "coin-15MPa", "--drt", "--format", "json");
        assertEquals(0, eis.code(), eis.err());
        JsonNode rows = new ObjectMapper().readTree(eis.out());
        int lastSpectrum = rows.get(rows.size() - 1).get("spectrum_index").asInt();
        int peaks = 0;
        for (JsonNode row : rows) {
            if (row.get("spectrum_index").asInt() == lastSpectrum) {
                String shown = String.format(Locale.ROOT, "τ %.3g s · R %.3g Ω", row.get("peak_tau_second").asDouble(),
                        row.get("peak_resistance_ohm").asDouble());
                assertTrue(texts.contains(shown), "no '" + shown + "' in " + texts);
                peaks++;
            }
        }
        assertTrue(peaks >= 2, "the coin cell's DRT has the bulk/grain-boundary and the interface peaks: " + peaks);
    }

    @Test
    void fitIsRefusedWhereItCannotBeDrawn() {
        Path png = tmp.resolve("refused-fit.png");
        Cellbench.Outcome voltage = Cellbench.run("plot", run, "--kind", "voltage", "--fit", "-o", png);
        assertEquals(2, voltage.code());
        assertTrue(voltage.err().contains("--fit draws the fitted circuit over nyquist and bode plots only, not voltage"),
                voltage.err());
        Cellbench.Outcome typo = Cellbench.run("plot", run, "--kind", "nyquist", "--fit", "R0-p(R1,C1", "-o", png);
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("--fit: circuit 'R0-p(R1,C1', column 11"), typo.err());
        assertNoStackTrace(voltage);
        assertNoStackTrace(typo);
        assertFalse(Files.exists(png));
    }

    @Test
    void resistanceOfARunWithoutFitsSaysHowToGetThem() {
        // the run measured spectra but named no circuit, so nothing was fitted
        Path png = tmp.resolve("no-fits-resistance.png");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", "resistance", "--against", "pressure", "-o", png);
        assertEquals(2, o.code(), o.err());
        // run.json lists the cells in the order they started, which may be either
        assertTrue(o.err().contains("no fitted resistances for coin-60MPa, coin-15MPa in this run")
                || o.err().contains("no fitted resistances for coin-15MPa, coin-60MPa in this run"), o.err());
        assertTrue(o.err().contains("fit: CIRCUIT") && o.err().contains("run --fit")
                && o.err().contains("data eis DIR --fit"), "says how to get fits: " + o.err());
        assertNoStackTrace(o);
        assertFalse(Files.exists(png));
    }

    @Test
    void againstIsRefusedForOtherKinds() {
        Path png = tmp.resolve("refused-against.png");
        Cellbench.Outcome o = Cellbench.run("plot", run, "--kind", "capacity", "--against", "pressure", "-o", png);
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--against chooses the x axis of the resistance plot only, not capacity"), o.err());
        Cellbench.Outcome typo = Cellbench.run("plot", run, "--kind", "resistance", "--against", "voltage", "-o", png);
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("voltage") && typo.err().contains("PRESSURE"), typo.err());
        assertNoStackTrace(o);
        assertNoStackTrace(typo);
        assertFalse(Files.exists(png));
    }

    @Test
    void helpShowsExamples() {
        Cellbench.Outcome o = Cellbench.run("plot", "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("Examples:") && o.out().contains("--kind voltage"), o.out());
    }

    private static void assertNoStackTrace(Cellbench.Outcome o) {
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"), "stack trace shown: " + o.err());
    }
}
