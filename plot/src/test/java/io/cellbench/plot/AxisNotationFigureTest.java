package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multiplier and offset of an axis's labels ({@link AxisNotation}) are shown once on the
 * figure, as text: the y axis's above its plot area (after a stacked panel's heading), the x
 * axis's at the right end under its labels.
 */
class AxisNotationFigureTest {
    @TempDir
    Path tmp;

    private List<String> texts(List<Panel> panels, String name) throws Exception {
        Figure f = new Figure(Style.forSize(1000, 700), "notation", 1, panels, List.of());
        Path svg = tmp.resolve(name + ".svg");
        FigureWriter.write(f, 1000, 700, svg);
        return SvgFile.texts(SvgFile.parse(svg));
    }

    @Test
    void aMultiplierAndAnOffsetAreEachShownOnceOnTheirAxis() throws Exception {
        // x: a rest's 200 µV at 2.983 V; y: resistances around 1.25 GΩ
        Panel p = new Panel(Style.forSize(1000, 700), "Voltage / V", "Resistance (Ω)", false, false);
        p.line(new double[] {2.98290, 2.98300, 2.98310}, new double[] {1.2e9, 1.25e9, 1.3e9}, Color.BLUE, 1.4);
        List<String> texts = texts(List.of(p), "both");
        System.out.println("texts: " + texts);
        assertEquals(1, Collections.frequency(texts, "×10⁹"), "the y multiplier, once, without a unit: " + texts);
        assertEquals(1, Collections.frequency(texts, "×10⁻⁴ + 2.983 V"), "the x multiplier and offset, once: " + texts);
    }

    @Test
    void aStackedPanelShowsItsNotationAfterItsHeadingAndPlainAxesShowNone() throws Exception {
        Style style = Style.forSize(1000, 700);
        Panel upper = new Panel(style, "Test Time / h", "", false, false).heading("Applied Pressure / MPa").sharesXBelow();
        upper.line(new double[] {0, 1, 2}, new double[] {-42.500_02, -42.5, -42.499_98}, Color.BLUE, 1.4);
        Panel lower = new Panel(style, "Test Time / h", "", false, false).heading("Voltage / V");
        lower.line(new double[] {0, 1, 2}, new double[] {2.5, 3.5, 4.3}, Color.BLUE, 1.4);
        List<String> texts = texts(List.of(upper, lower), "stacked");
        System.out.println("texts: " + texts);
        assertEquals(1, texts.stream().filter(t -> t.endsWith("− 42.5 MPa")).count(), "the pressure's offset: " + texts);
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("×") && !t.endsWith("MPa")), "no other notation: " + texts);
        assertEquals(List.of("Applied Pressure / MPa", "Voltage / V"),
                texts.stream().filter(t -> t.contains(" / ") && !t.startsWith("×")).filter(t -> !t.startsWith("Test")).toList());
    }
}
