package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridsTest {

    @Test
    void panelsPerCellWrapIntoRowsOfTwoThreeOrFour() {
        int[][] expected = {{1, 1}, {2, 2}, {3, 3}, {4, 2}, {5, 3}, {6, 3}, {9, 3}, {10, 4}, {16, 4}};
        for (int[] e : expected) {
            assertEquals(e[1], Grids.columnsFor(e[0]), e[0] + " panels");
        }
    }

    @Test
    void linesThinAsCurvesMultiply() {
        assertEquals(2.4, Grids.curveWidth(1));
        assertEquals(2.4, Grids.curveWidth(5));
        assertEquals(1.8, Grids.curveWidth(6));
        assertEquals(1.8, Grids.curveWidth(25));
        assertEquals(1.3, Grids.curveWidth(26));
    }

    @Test
    void anExtentSeesOnlyFiniteValuesAndOnALogAxisOnlyPositiveOnes() {
        Extent linear = new Extent(false);
        assertTrue(linear.isEmpty());
        linear.addAll(new double[] {Double.NaN, -3, 0, Double.POSITIVE_INFINITY, 7});
        assertEquals(-3, linear.lo());
        assertEquals(7, linear.hi());
        Extent log = new Extent(true);
        log.addAll(new double[] {-3, 0, Double.NaN});
        assertTrue(log.isEmpty(), "no positive value");
        log.add(0.5);
        assertFalse(log.isEmpty());
        assertEquals(0.5, log.lo());
        assertEquals(0.5, log.hi());
    }

    @Test
    void aStyleScalesWithTheFigureWithinLimits() {
        assertEquals(1.0, Style.forSize(1000, 700).scale());
        // the smaller ratio decides: 2000/1000 = 2 against 700/700 = 1
        assertEquals(1.0, Style.forSize(2000, 700).scale());
        assertEquals(0.5, Style.forSize(100, 100).scale(), "never below half size");
        assertEquals(4.0, Style.forSize(10000, 10000).scale(), "never above four times");
        assertEquals(16, Style.forSize(2000, 1400).px(8));
    }
}
