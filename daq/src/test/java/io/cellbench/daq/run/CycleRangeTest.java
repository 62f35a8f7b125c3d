package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import org.junit.jupiter.api.Test;

class CycleRangeTest {

    @Test
    void readsTheFourForms() {
        assertEquals(new CycleRange(2, 20), CycleRange.parse("2..20"));
        assertEquals(new CycleRange(5, Integer.MAX_VALUE), CycleRange.parse("5.."));
        assertEquals(new CycleRange(Integer.MIN_VALUE, 10), CycleRange.parse(" ..10 "));
        assertEquals(new CycleRange(7, 7), CycleRange.parse("7"));
        assertEquals(CycleRange.ALL, CycleRange.parse(null));
    }

    @Test
    void describesItselfForTitles() {
        assertEquals("2–20", CycleRange.parse("2..20").describe());
        assertEquals("5 onwards", CycleRange.parse("5..").describe());
        assertEquals("up to 10", CycleRange.parse("..10").describe());
        assertEquals("7", CycleRange.parse("7").describe());
        assertFalse(CycleRange.ALL.isLimited());
        assertTrue(CycleRange.parse("7").isLimited());
    }

    @Test
    void aBadRangeIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> CycleRange.parse("2-20"));
        assertTrue(e.getMessage().contains("'2-20'"), e.getMessage());
    }
}
