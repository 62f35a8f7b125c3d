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
                Arguments.of(PlotKind.DRT, List.of("τ (s)", "γ (Ω)")),
                Arguments.of(PlotKind.TIME, List.of("Voltage / V", "Current / µA", "Test Time / h")));
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
        List<String> texts = Cellbench.plotTexts(tmp.resolve("voltage-2-4.svg"), run, "--cell", "coin-60MPa",
                "--kind", "voltage", "--cycles", "2..4");
        assertTrue(texts.containsAll(List.of("2", "3", "4")), texts.toString());
        assertFalse(texts.contains("5"), texts.toString());
        assertTrue(texts.contains("Voltage profiles · coin-60MPa · cycles 2–4"), texts.toString());
    }

    @Test
    void everyThinsTheCyclesButKeepsTheLast() throws IOException {
        List<String> texts = Cellbench.plotTexts(tmp.resolve("dqdv-every.svg"), run, "--cell", "coin-15MPa",
                "--kind", "dqdv", "--every", 2);
        assertTrue(texts.containsAll(List.of("1", "3", "5", "6")), texts.toString());
        assertFalse(texts.contains("2") || texts.contains("4"), texts.toString());
    }

    @Test
    void spectraAreColouredByPressureOnRequestAndByCycleWhenEachCellKeptItsPressure() throws IOException {
        List<String> texts = Cellbench.plotTexts(tmp.resolve("nyquist-pressure.svg"), run, "--kind", "nyquist",
                "--colour-by", "pressure");
        assertTrue(texts.containsAll(List.of("Pressure", "60 MPa", "15 MPa", "Cell")), texts.toString());

        texts = Cellbench.plotTexts(tmp.resolve("nyquist-auto.svg"), run, "--kind", "nyquist");
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
        String said = Cellbench.plotRefused(tmp.resolve("never.png"), run, "--cell", "coin-99", "--kind", "voltage");
        assertTrue(said.contains("has no cell 'coin-99'"), said);
        assertTrue(said.contains("it has: coin-60MPa, coin-15MPa"), "names the cells it has, as the schedule: " + said);
    }

    @Test
    void impedancePlotsOfARunWithoutSpectraSaySo() {
        for (String kind : List.of("nyquist", "bode")) {
            String said = Cellbench.plotRefused(tmp.resolve("no-eis-" + kind + ".png"), runWithoutSpectra, "--kind", kind);
            assertTrue(said.contains("no impedance spectra for coin-1"), kind + ": " + said);
        }
    }

    @Test
    void unknownExtensionIsRefusedBeforeAnythingIsRead() {
        String said = Cellbench.plotRefused(tmp.resolve("plot.jpg"), tmp.resolve("no-such-run"), "--kind", "voltage");
        assertTrue(said.contains("'.jpg'") && said.contains(".png or .svg"), said);
    }

    @Test
    void otherMistakesAreMessagesToo() {
        Path png = tmp.resolve("never.png");
        String missing = Cellbench.plotRefused(png, tmp.resolve("no-such-run"), "--kind", "voltage");
        assertTrue(missing.contains("no run directory at"), missing);

        String emptyRange = Cellbench.plotRefused(png, run, "--kind", "voltage", "--cycles", "50..60");
        assertTrue(emptyRange.contains("no cycles in 50–60"), emptyRange);

        String tiny = Cellbench.plotRefused(png, run, "--kind", "voltage", "--width", 20);
        assertTrue(tiny.contains("--width must be between"), tiny);

        String bin = Cellbench.plotRefused(png, run, "--kind", "dqdv", "--bin", "5 mA");
        assertTrue(bin.contains("expected a voltage"), bin);

        String kind = Cellbench.plotRefused(png, run, "--kind", "ragone");
        assertTrue(kind.contains("ragone"), kind);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"nyquist", "bode"})
    void fitOverlayNamesTheCircuitAndTheResistancesDataEisFits(String kind) throws IOException {
        List<String> texts = Cellbench.plotTexts(tmp.resolve(kind + "-fit.svg"), run, "--kind", kind,
                "--cell", "coin-60MPa", "--fit");
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
        List<String> texts = Cellbench.plotTexts(tmp.resolve("drt-peaks.svg"), run, "--kind", "drt",
                "--cell", "coin-15MPa");

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
        String voltage = Cellbench.plotRefused(png, run, "--kind", "voltage", "--fit");
        assertTrue(voltage.contains("--fit draws the fitted circuit over nyquist and bode plots only, not voltage"),
                voltage);
        String typo = Cellbench.plotRefused(png, run, "--kind", "nyquist", "--fit", "R0-p(R1,C1");
        assertTrue(typo.contains("--fit: circuit 'R0-p(R1,C1', column 11"), typo);
    }

    @Test
    void resistanceOfARunWithoutFitsSaysHowToGetThem() {
        // the run measured spectra but named no circuit, so nothing was fitted
        String said = Cellbench.plotRefused(tmp.resolve("no-fits-resistance.png"), run, "--kind", "resistance",
                "--against", "pressure");
        // in the schedule's order, whichever cell started first
        assertTrue(said.contains("no fitted resistances for coin-60MPa, coin-15MPa in this run"), said);
        assertTrue(said.contains("fit: CIRCUIT") && said.contains("run --fit") && said.contains("data eis DIR --fit"),
                "says how to get fits: " + said);
    }

    @Test
    void againstIsRefusedForOtherKinds() {
        Path png = tmp.resolve("refused-against.png");
        String said = Cellbench.plotRefused(png, run, "--kind", "capacity", "--against", "pressure");
        assertTrue(said.contains("--against chooses the x axis of the resistance plot only, not capacity"), said);
        String typo = Cellbench.plotRefused(png, run, "--kind", "resistance", "--against", "voltage");
        assertTrue(typo.contains("voltage") && typo.contains("PRESSURE"), typo);
    }

    @Test
    void helpShowsExamples() {
        Cellbench.Outcome o = Cellbench.run("plot", "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("Examples:") && o.out().contains("--kind voltage"), o.out());
    }
}
