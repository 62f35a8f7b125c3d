package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Axis spans: the margin, degenerate spans (one point, no data) and log axes, computed by hand. */
class AxisRangeTest {

    @Test
    void anEmptyOrReversedRangeIsRefusedNamingItsEnds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AxisRange(2, 2, false));
        assertEquals("empty axis range 2.0..2.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AxisRange(3, 1, false));
        // NaN compares false with everything, so a NaN end must not slip through as a range
        assertThrows(IllegalArgumentException.class, () -> new AxisRange(0, Double.NaN, false));
    }

    @Test
    void aLinearRangeLeavesFourPercentOfTheSpanAtEachEnd() {
        // span 100, 4 % of it is 4
        AxisRange r = AxisRange.around(0, 100, false);
        assertEquals(-4, r.min(), 1e-12);
        assertEquals(104, r.max(), 1e-12);
        assertEquals(108, r.span(), 1e-12);
    }

    @Test
    void noDataGivesAUnitRangeAndOneDecadeOnALogAxis() {
        // an Extent that saw nothing reports +inf..-inf
        AxisRange linear = AxisRange.around(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false);
        assertEquals(new AxisRange(0, 1, false), linear);
        AxisRange log = AxisRange.around(Double.NaN, 5, true);
        assertEquals(new AxisRange(1, 10, true), log);
    }

    @Test
    void aSinglePointIsWidenedByFivePercentOfItsValueOrByOneAtZero() {
        AxisRange at2 = AxisRange.around(2, 2, false);
        assertEquals(1.9, at2.min(), 1e-12);
        assertEquals(2.1, at2.max(), 1e-12);
        AxisRange negative = AxisRange.around(-40, -40, false);
        assertEquals(-42, negative.min(), 1e-12);
        assertEquals(-38, negative.max(), 1e-12);
        AxisRange zero = AxisRange.around(0, 0, false);
        assertEquals(-1, zero.min(), 0);
        assertEquals(1, zero.max(), 0);
    }

    @Test
    void aLinearAxisSpansAtLeastTheNarrowestXchartCanTick() {
        // a constant 1 nA current in A: 5 % of it is 5e-11 each side, too narrow; widened about its middle
        AxisRange nano = AxisRange.around(1e-9, 1e-9, false);
        assertEquals(AxisRange.MIN_LINEAR_SPAN, nano.span(), 1e-20);
        assertEquals(1e-9, (nano.min() + nano.max()) / 2, 1e-20);
        AxisRange drift = AxisRange.around(5e-7, 5e-7 + 2e-10, false);
        assertEquals(AxisRange.MIN_LINEAR_SPAN, drift.span(), 1e-20);
        assertEquals(5.001e-7, (drift.min() + drift.max()) / 2, 1e-20);
        // 1e-8 and wider keep the data's span with its margin
        assertEquals(2e-8 * 1.08, AxisRange.around(0, 2e-8, false).span(), 1e-20);
    }

    @Test
    void aSinglePointOnALogAxisGetsHalfADecadeEachSidePlusTheMargin() {
        // log10(100) = 2 -> 1.5 .. 2.5; margin 4 % of one decade = 0.04 -> 10^1.46 .. 10^2.54
        AxisRange r = AxisRange.around(100, 100, true);
        assertTrue(r.log());
        assertEquals(Math.pow(10, 1.46), r.min(), 1e-9);
        assertEquals(Math.pow(10, 2.54), r.max(), 1e-9);
    }

    @Test
    void aLogRangeTakesItsMarginInDecades() {
        // 1 .. 1000 is three decades; 4 % of 3 is 0.12 decades at each end
        AxisRange r = AxisRange.around(1, 1000, true);
        assertEquals(Math.pow(10, -0.12), r.min(), 1e-12);
        assertEquals(Math.pow(10, 3.12), r.max(), 1e-9);
    }

    @Test
    void positionsAlongALogAxisAreGeometric() {
        AxisRange log = new AxisRange(1, 100, true);
        assertEquals(10, log.at(0.5), 1e-12);
        assertEquals(1, log.at(0), 1e-12);
        AxisRange linear = new AxisRange(1, 101, false);
        assertEquals(51, linear.at(0.5), 1e-12);
        assertEquals(26, linear.at(0.25), 1e-12);
    }

    @Test
    void wideningKeepsTheLowerEndAndNeverNarrows() {
        AxisRange r = new AxisRange(10, 20, false);
        assertSame(r, r.widenedTo(5));
        assertSame(r, r.widenedTo(10));
        assertEquals(new AxisRange(10, 35, false), r.widenedTo(25));
    }
}
