package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ticks of a colour bar, worked out by hand from "about five steps of 1, 2 or 5 × 10ⁿ". */
class KeyTicksTest {

    private static List<String> labels(Key.Gradient key) {
        return KeyPainter.ticks(key).stream().map(KeyPainter.Tick::label).toList();
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, KeyPainter.niceStep(1.2), 1e-12);
        assertEquals(0.2, KeyPainter.niceStep(0.3), 1e-12);
        assertEquals(5, KeyPainter.niceStep(7), 1e-12);
        assertEquals(10, KeyPainter.niceStep(8), 1e-12);
        assertEquals(200, KeyPainter.niceStep(340), 1e-12);
    }

    @Test
    void aBarOfOneValueHasOneTick() {
        assertEquals(List.of("3"), labels(new Key.Gradient("Cycle", 3, 3, true)));
        assertEquals(List.of("1.25"), labels(new Key.Gradient("Pressure (MPa)", 1.25, 1.25, false)));
    }

    @Test
    void aPressureBarFromZeroToOneTicksEveryFifthWithoutTrailingZeros() {
        // span 1 / 5 = 0.2 -> step 0.2: 0, 0.2, 0.4, 0.6, 0.8, 1 ("%.3g" would write "0.200")
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                labels(new Key.Gradient("Pressure (MPa)", 0, 1, false)));
    }

    @Test
    void aBarAcrossZeroTicksZeroAsZero() {
        // −0.6 .. 0.6: raw step 0.24 -> 0.2; ticks at −3, −2, … 3 steps of 0.2. Adding 0.2 to
        // −0.6000000000000001 three times leaves −1.1e-16, which "%.3g" writes "-1.11e-16"
        assertEquals(List.of("−0.6", "−0.4", "−0.2", "0", "0.2", "0.4", "0.6"),
                labels(new Key.Gradient("Temperature offset (K)", -0.6, 0.6, false)));
    }

    @Test
    void negativesCarryTheSameTrueMinusAsTheAxes() {
        // an axis writes −0.4 with U+2212 (LinearTickLabels); the bar beside it must not write "-0.4"
        String axis = LinearTickLabels.format(-0.4, 0.2);
        assertEquals("−0.4", axis);
        assertEquals(axis, labels(new Key.Gradient("Temperature offset (K)", -0.6, 0.6, false)).get(1));
        assertEquals(List.of("−3", "−2", "−1", "0"), labels(new Key.Gradient("Cycle offset", -3, 0, true)));
        // a bar end far from a round value, and an exponent, keep the true minus too
        assertEquals("−0.000123", labels(new Key.Gradient("Drift (V)", -1.23e-4, 1e-3, false)).getFirst());
        assertEquals(List.of("1.50e−07"), labels(new Key.Gradient("Current (A)", 1.5e-7, 1.5e-7, false)));
    }

    @Test
    void endsFarFromARoundValueGetTheirOwnTick() {
        // 0.1 .. 10: raw step 1.98 -> 2; first round value 2 is 1.9 (>= half a step) above 0.1,
        // so 0.1 is ticked too; 10 is itself a round value
        assertEquals(List.of("0.1", "2", "4", "6", "8", "10"),
                labels(new Key.Gradient("Pressure (MPa)", 0.1, 10, false)));
        // 1.3 .. 9.7: step 2; 2 is only 0.7 above 1.3 (no tick for 1.3), 9.7 is 1.7 past 8 (ticked)
        assertEquals(List.of("2", "4", "6", "8", "9.7"),
                labels(new Key.Gradient("Pressure (MPa)", 1.3, 9.7, false)));
    }

    @Test
    void manyCyclesTickTheFirstAndRoundCycleNumbers() {
        // 1 .. 200: raw step 39.8 -> 50; 50 is 49 cycles above 1, so cycle 1 is ticked
        assertEquals(List.of("1", "50", "100", "150", "200"), labels(new Key.Gradient("Cycle", 1, 200, true)));
        // 1 .. 3: raw step 0.4 -> 0.5, but cycle numbers step by at least one
        assertEquals(List.of("1", "2", "3"), labels(new Key.Gradient("Cycle", 1, 3, true)));
    }
}
