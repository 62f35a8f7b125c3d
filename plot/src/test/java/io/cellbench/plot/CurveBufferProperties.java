package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CurveBufferProperties {

    @Property
    void keepsAtMostCapacityPointsAndBothEnds(@ForAll @IntRange(min = 1, max = 20_000) int offered,
                                              @ForAll @IntRange(min = 4, max = 500) int capacity) {
        CurveBuffer buffer = new CurveBuffer(capacity);
        for (int i = 0; i < offered; i++) {
            buffer.add(i, -i);
        }
        Curve c = buffer.curve();
        assertTrue(c.size() <= capacity + 1, c.size() + " points kept with capacity " + capacity);
        assertEquals(Math.min(offered, c.size()), c.size());
        assertEquals(0, c.x()[0]);
        assertEquals(offered - 1, c.x()[c.size() - 1]);
        for (int k = 1; k < c.size(); k++) {
            assertTrue(c.x()[k] > c.x()[k - 1], "kept points stay in order");
            assertEquals(-c.x()[k], c.y()[k], "x and y stay paired");
        }
    }

    @Property
    void spreadsTheKeptPointsEvenly(@ForAll @IntRange(min = 1_000, max = 50_000) int offered) {
        int capacity = 100;
        CurveBuffer buffer = new CurveBuffer(capacity);
        for (int i = 0; i < offered; i++) {
            buffer.add(i, 0);
        }
        Curve c = buffer.curve();
        assertTrue(c.size() > capacity / 2, "a long curve keeps at least half the capacity: " + c.size());
        double stride = c.x()[1] - c.x()[0];
        for (int k = 1; k < c.size() - 1; k++) {
            assertEquals(stride, c.x()[k] - c.x()[k - 1], "gap before point " + k);
        }
    }

    @Property
    void shortCurvesAreKeptWhole(@ForAll @IntRange(min = 0, max = 64) int offered) {
        CurveBuffer buffer = new CurveBuffer(64);
        for (int i = 0; i < offered; i++) {
            buffer.add(i, i * 0.5);
        }
        assertEquals(offered, buffer.curve().size());
    }
}
