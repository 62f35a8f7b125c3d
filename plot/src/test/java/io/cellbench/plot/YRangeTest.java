package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import org.junit.jupiter.api.Test;

/** {@code --y-range NAME=MIN:MAX} as written: ends plain or with a unit, and every mistake a one-line refusal. */
class YRangeTest {

    private static String refused(String text) {
        String said = assertThrows(UserError.class, () -> YRange.parse(text)).getMessage();
        System.out.println(said);
        assertEquals(1, said.lines().count(), "one line: " + said);
        return said;
    }

    @Test
    void endsArePlainNumbersOrQuantities() {
        YRange v = YRange.parse("Voltage=2.5:4.3");
        assertEquals("voltage", v.name());
        assertEquals(2.5, v.min().number());
        assertNull(v.min().unit());
        assertEquals(4.3, v.max().in("V", v));

        YRange i = YRange.parse("current=−1 mA:1mA");
        assertEquals(-1000, i.min().in("µA", i), 1e-9, "a true minus, and mA put into the panel's µA");
        assertEquals(1000, i.max().in("µA", i), 1e-9);
        YRange shared = YRange.parse("voltage=2500:4300 mV");
        assertEquals(2.5, shared.min().in("V", shared), 1e-12, "the unit after MAX is MIN's too");
        YRange t = YRange.parse("temperature=20:30 degC");
        assertEquals(20, t.min().in("degC", t), 1e-9);
        assertNull(YRange.parse("current=0:").max(), "an end left out keeps the axis's");
        assertNull(YRange.parse("current=:5").min());
    }

    @Test
    void mistakesAreOneLineNamingTheOptionAndWhatToWrite() {
        assertEquals("--y-range voltage: write NAME=MIN:MAX, e.g. voltage=2.5:4.3 (in the panel's unit) or"
                + " current=-1mA:1mA", refused("voltage"));
        assertTrue(refused("voltage=2.5").startsWith("--y-range voltage=2.5: write NAME=MIN:MAX"));
        assertEquals("--y-range voltage=4.3:2.5: the lower end 4.3 is not below the upper end 2.5; write"
                + " voltage=MIN:MAX with MIN < MAX", refused("voltage=4.3:2.5"));
        assertEquals("--y-range voltage=3:3: the lower end 3 is not below the upper end 3; write voltage=MIN:MAX"
                + " with MIN < MAX", refused("voltage=3:3"));
        String word = refused("voltage=2.5:high");
        assertEquals("--y-range voltage=2.5:high: 'high' is not a number or a quantity ('high' does not start with"
                + " a number); write NAME=MIN:MAX, e.g. voltage=2.5:4.3 (in the panel's unit) or current=-1mA:1mA", word);
        assertEquals("--y-range voltage=2.5:4.3 furlongs: '4.3 furlongs' is not a number or a quantity (unknown unit"
                + " 'furlongs'); write NAME=MIN:MAX, e.g. voltage=2.5:4.3 (in the panel's unit) or current=-1mA:1mA",
                refused("voltage=2.5:4.3 furlongs"));
        assertEquals("--y-range voltage=:: give at least one end; write NAME=MIN:MAX, e.g. voltage=2.5:4.3 (in the"
                + " panel's unit) or current=-1mA:1mA", refused("voltage=:"));
        refused("=2.5:4.3");
    }

    @Test
    void aUnitOfAnotherKindOrForAPanelWithoutOneIsRefusedWhenApplied() {
        YRange i = YRange.parse("voltage=1mA:2mA");
        assertEquals("--y-range voltage=1mA:2mA: 'mA' is a current unit, but the voltage axis is a voltage in V",
                assertThrows(UserError.class, () -> i.min().in("V", i)).getMessage());
        YRange e = YRange.parse("efficiency=99V:101V");
        assertEquals("--y-range efficiency=99V:101V: the efficiency axis is in %, which takes no unit conversion;"
                + " give plain numbers in %", assertThrows(UserError.class, () -> e.min().in("%", e)).getMessage());
    }
}
