package io.cellbench.plot;

import java.awt.Color;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleDown;
import org.knowm.xchart.style.markers.TriangleUp;

/**
 * How cells are told apart when they share a plot: a colour from the Okabe–Ito palette
 * (distinct for colour-blind readers; its yellow left out as too light on white) and a
 * marker shape, so the cells stay apart in a grey-scale print too.
 */
final class CellLooks {
    private static final Color[] COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    private static final Marker[] MARKERS = {
        new Circle(), new Square(), new Diamond(), new TriangleUp(), new TriangleDown()};

    private CellLooks() {
    }

    static Color colour(int cellIndex) {
        return COLOURS[cellIndex % COLOURS.length];
    }

    static Marker marker(int cellIndex) {
        return MARKERS[cellIndex % MARKERS.length];
    }
}
