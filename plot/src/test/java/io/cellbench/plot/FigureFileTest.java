package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Figures written to real files: the SVG parsed with the JDK's XML parser, the PNG read back with ImageIO. */
class FigureFileTest {
    @TempDir
    Path dir;

    private final Style style = Style.forSize(1000, 700);

    /** A figure of the awkward cases: a panel without data, one of a single point, a log axis fed zeros and NaN. */
    private Figure awkwardFigure(String title) {
        Panel empty = new Panel(style, "Time (h)", "Voltage (V)", false, false).heading("cell A (no data)");
        Panel single = new Panel(style, "Cycle", "Capacity (mAh)", false, false)
                .lineAndMarkers(new double[] {3}, new double[] {1.7}, Color.BLUE, 2, SeriesMarkers.CIRCLE);
        Panel log = new Panel(style, "Frequency (Hz)", "|Z| (Ω)", true, true)
                .line(new double[] {1e5, 1e3, 0, 10, Double.NaN, 0.1}, new double[] {20, 25, 40, -1, 80, 300},
                        Color.RED, 1.5)
                .markers(new double[] {1e5, 10}, new double[] {20, 60}, Color.RED, SeriesMarkers.SQUARE);
        List<Key.Entry> cells = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cells.add(new Key.Entry("cell " + (i + 1), CellLooks.colour(i), CellLooks.marker(i), i % 2 == 0));
        }
        List<Key> keys = List.of(new Key.Entries("Cell", cells), new Key.Gradient("Cycle", 1, 200, true),
                new Key.Gradient("Pressure (MPa)", 0, 1, false));
        return new Figure(style, title, 2, List.of(empty, single, log), keys);
    }

    @Test
    void anSvgOfAwkwardPanelsIsWellFormedTitledAndFreeOfNaN() throws Exception {
        Path out = dir.resolve("awkward.svg");
        FigureWriter.write(awkwardFigure("Run <7> & its \"cells\""), 1000, 700, out);
        Document doc = SvgFile.parse(out);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        Element first = firstElementChild(root);
        assertEquals("title", first.getLocalName(), "the title is the svg's first child, for screen readers");
        assertEquals("Run <7> & its \"cells\"", first.getTextContent());

        List<String> texts = SvgFile.texts(doc);
        for (String expected : List.of("Run <7> & its \"cells\"", "Time (h)", "Voltage (V)", "Cycle", "Capacity (mAh)",
                "Frequency (Hz)", "|Z| (Ω)", "cell A (no data)", "Cell", "cell 1", "cell 12", "Pressure (MPa)")) {
            assertTrue(texts.contains(expected), "no text '" + expected + "' in " + texts);
        }
        // the bar of 1..200 cycles is ticked at 1, 50, 100, 150, 200 (see KeyTicksTest)
        for (String tick : List.of("1", "50", "100", "150", "200")) {
            assertTrue(texts.contains(tick), "no bar tick " + tick + " in " + texts);
        }
        List<String> bad = new ArrayList<>();
        visitAttributes(root, bad);
        assertEquals(List.of(), bad, "attributes with NaN or Infinity");
        assertFalse(Files.readString(out).contains("<!DOCTYPE"));
    }

    @Test
    void svgTextFallsBackToAGenericFont() throws Exception {
        Path out = dir.resolve("font.svg");
        FigureWriter.write(awkwardFigure("t"), 800, 600, out);
        String svg = Files.readString(out);
        assertTrue(svg.contains(",sans-serif;"), "no generic font fallback");
    }

    @Test
    void anUntitledSvgHasNoTitleElement() throws Exception {
        Panel p = new Panel(style, "x", "y", false, false).line(new double[] {0, 1}, new double[] {0, 1}, Color.BLACK, 1);
        Path out = dir.resolve("untitled.svg");
        FigureWriter.write(new Figure(style, null, 1, List.of(p), List.of()), 600, 400, out);
        assertEquals(0, SvgFile.parse(out).getElementsByTagNameNS("*", "title").getLength());
        assertEquals("<svg a='b'><g/></svg>", FigureWriter.tidySvg("<svg a='b'><g/></svg>", ""));
    }

    @Test
    void aPngHasTheSizeAskedForAndAWhiteBackground() throws Exception {
        Path out = dir.resolve("sub/dir/awkward.png");
        FigureWriter.write(awkwardFigure("t"), 900, 500, out);
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(1, 1));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left beside the image");
        }
    }

    @Test
    void anExistingPlotIsReplacedWhole() throws Exception {
        Path out = dir.resolve("p.svg");
        Files.writeString(out, "old contents");
        FigureWriter.write(awkwardFigure("new"), 600, 400, out);
        assertEquals("new", firstElementChild(SvgFile.parse(out).getDocumentElement()).getTextContent());
    }

    @Test
    void aFileOfAnotherFormatIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("plot.jpg");
        assertThrows(UserError.class, () -> FigureWriter.write(awkwardFigure("t"), 600, 400, out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aFigureWithoutPanelsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Figure(style, "t", 1, List.of(), List.of()));
        assertEquals("a figure needs a panel", e.getMessage());
    }

    @Test
    void emptyAndSinglePointPanelsGetTheirDefaultRanges() throws Exception {
        Panel empty = new Panel(style, "Time (h)", "Voltage (V)", false, false);
        Panel single = new Panel(style, "Cycle", "Capacity (mAh)", false, false)
                .line(new double[] {3}, new double[] {1.7}, Color.BLUE, 2);
        Panel log = new Panel(style, "f", "|Z|", true, true)
                .line(new double[] {0, -1, 10, 1000}, new double[] {5, 50, Double.NaN, 500}, Color.RED, 1);
        FigureWriter.write(new Figure(style, "t", 3, List.of(empty, single, log), List.of()), 1200, 500,
                dir.resolve("r.png"));
        assertEquals(new AxisRange(0, 1, false), empty.currentX());
        assertEquals(new AxisRange(0, 1, false), empty.currentY());
        assertEquals(2.85, single.currentX().min(), 1e-12, "3 less 5 %");
        assertEquals(3.15, single.currentX().max(), 1e-12);
        // each axis is bounded alone: x sees only its positive values 10 and 1000, y sees 5, 50 and 500 (the
        // NaN is skipped); both span two decades, so the margin is 0.08 decades
        assertEquals(Math.pow(10, 0.92), log.currentX().min(), 1e-9);
        assertEquals(Math.pow(10, 3.08), log.currentX().max(), 1e-9);
        assertEquals(Math.pow(10, Math.log10(5) - 0.08), log.currentY().min(), 1e-9);
        assertEquals(Math.pow(10, Math.log10(500) + 0.08), log.currentY().max(), 1e-9);
    }

    @Test
    void manyPanelsAreLaidOutInRowsAndEachGetsAPlotArea() throws Exception {
        List<Panel> panels = IntStream.range(0, 7).mapToObj(i -> new Panel(style, "Cycle", "Capacity (mAh)", false, false)
                .heading("cell " + i)
                .line(new double[] {1, 2, 3}, new double[] {1.7, 1.69, 1.68 - i * 0.01}, CellLooks.colour(i), 1.5)).toList();
        FigureWriter.write(new Figure(style, "seven cells", Grids.columnsFor(7), panels, List.of()), 1000, 700,
                dir.resolve("grid.png"));
        // three columns: panels 0, 3 and 6 share a left edge; 0, 1, 2 a top edge
        double left = panels.get(0).plotArea().getX();
        assertEquals(left, panels.get(3).plotArea().getX(), 0.5);
        assertEquals(left, panels.get(6).plotArea().getX(), 0.5);
        for (Panel p : panels) {
            assertTrue(p.plotArea().getWidth() > 50 && p.plotArea().getHeight() > 30, "plot area " + p.plotArea());
        }
    }

    private static Element firstElementChild(Element e) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                return child;
            }
        }
        throw new AssertionError("no child element");
    }

    private static void visitAttributes(Element e, List<String> bad) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String v = attributes.item(i).getNodeValue();
            if (v.contains("NaN") || v.contains("Infinity")) {
                bad.add(e.getLocalName() + " " + attributes.item(i).getNodeName() + "=" + v);
            }
        }
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                visitAttributes(child, bad);
            }
        }
    }
}
