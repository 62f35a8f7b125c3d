package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    /** The path's segments as "M x y" / "L x y". */
    private static List<String> segments(Path2D path) {
        List<String> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            out.add((type == PathIterator.SEG_MOVETO ? "M " : "L ") + (int) c[0] + " " + (int) c[1]);
        }
        return out;
    }

    @Test
    void xAndYOfDifferentLengthsAreRefusedWithBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trace(new double[3], new double[2], Color.BLACK, null, null));
        assertEquals("x and y differ in length: 3 and 2", e.getMessage());
    }

    @Test
    void nanBreaksTheLineIntoSeparatePieces() {
        // charge 0..2, a NaN, discharge 10..12: two pieces, each a move and its lines
        double[] x = {0, 1, 2, Double.NaN, 10, 11, 12};
        double[] y = {0, 5, 0, 0, 0, 5, 0};
        assertEquals(List.of("M 0 0", "L 1 5", "L 2 0", "M 10 0", "L 11 5", "L 12 0"), segments(Trace.path(x, y)));
    }

    @Test
    void leadingTrailingAndRepeatedNaNDrawNothingExtra() {
        double[] x = {Double.NaN, 0, 4, Double.POSITIVE_INFINITY, Double.NaN, 7, Double.NaN};
        double[] y = {1, 0, 4, 1, 1, 1, 1};
        // the lone finite point at 7 is a piece of its own: a move without a line
        assertEquals(List.of("M 0 0", "L 4 4", "M 7 1"), segments(Trace.path(x, y)));
        assertEquals(List.of(), segments(Trace.path(new double[] {Double.NaN}, new double[] {1})));
        assertEquals(List.of(), segments(Trace.path(new double[0], new double[0])));
    }

    @Test
    void pointsOnAStraightLineAreDroppedButItsEndsKept() {
        double[] x = {0, 1, 2, 3, 4, 100};
        double[] y = {0, 1, 2, 3, 4, 100};
        assertEquals(List.of("M 0 0", "L 100 100"), segments(Trace.path(x, y)));
    }

    @Test
    void simplifyKeepsAPointThatReturnsToTheStart() {
        // ends coincide (len² = 0): distance from the start decides; (5, 5) is far, (0.1, 0) is not
        double[] x = {0, 0.1, 5, 0};
        double[] y = {0, 0, 5, 0};
        boolean[] keep = new boolean[4];
        Simplify.mark(x, y, 0, 3, 0.25, keep);
        assertArrayEquals(new boolean[] {true, false, true, true}, keep);
    }

    @Test
    void simplifyMeasuresPointsBeyondTheEndsFromTheNearerEnd() {
        // the chord is (0,0)-(10,0); (−1, 0) lies on its line but one pixel before its start
        double[] x = {0, -1, 10};
        double[] y = {0, 0, 0};
        boolean[] keep = new boolean[3];
        Simplify.mark(x, y, 0, 2, 0.25, keep);
        assertTrue(keep[1], "an overshoot of one pixel shows");
        double[] past = {0, 11, 10};
        boolean[] keepPast = new boolean[3];
        Simplify.mark(past, y, 0, 2, 0.25, keepPast);
        assertTrue(keepPast[1], "an overshoot past the end shows");
    }

    @Test
    void aLogScreenMapPutsDecadesEvenlyAndNonPositiveValuesNowhere() {
        ScreenMap map = new ScreenMap(new Rectangle2D.Double(100, 50, 300, 200), new AxisRange(1, 1000, true),
                new AxisRange(0, 10, false));
        assertEquals(100, map.x(1), 1e-9);
        assertEquals(200, map.x(10), 1e-9);
        assertEquals(400, map.x(1000), 1e-9);
        assertTrue(Double.isNaN(map.x(0)));
        assertTrue(Double.isNaN(map.x(-5)));
        // y grows upwards: 0 at the bottom (50 + 200), 10 at the top
        assertEquals(250, map.y(0), 1e-9);
        assertEquals(50, map.y(10), 1e-9);
    }
}
