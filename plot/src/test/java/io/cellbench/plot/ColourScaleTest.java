package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void fewCyclesAreListedEachInItsOwnColourInCycleOrder() {
        ColourScale scale = Grids.cycleScale(List.of(6, 1, 11));
        Key.Entries key = assertInstanceOf(Key.Entries.class, scale.key());
        assertEquals(List.of("1", "6", "11"), key.entries().stream().map(Key.Entry::label).toList());
        Set<Color> colours = new HashSet<>();
        for (int c : List.of(1, 6, 11)) {
            colours.add(scale.colour(Grids.cycleLevel(c)));
        }
        assertEquals(3, colours.size());
        assertEquals(ColourMap.at(0), scale.colour(Grids.cycleLevel(1)));
        assertEquals(ColourMap.at(1), scale.colour(Grids.cycleLevel(11)));
    }

    @Test
    void manyCyclesGetAColourBarAndColoursFollowTheCycleNumber() {
        ColourScale scale = Grids.cycleScale(IntStream.rangeClosed(1, 21).boxed().toList());
        Key.Gradient bar = assertInstanceOf(Key.Gradient.class, scale.key());
        assertEquals(1, bar.min());
        assertEquals(21, bar.max());
        assertEquals(bar.colour(11), scale.colour(Grids.cycleLevel(11)));
        assertNotEquals(scale.colour(Grids.cycleLevel(20)), scale.colour(Grids.cycleLevel(21)));
        assertEquals(ColourMap.at(0), scale.colour(Grids.cycleLevel(1)));
        assertEquals(ColourMap.at(1), scale.colour(Grids.cycleLevel(21)));
    }

    @Test
    void theFirstCycleIsSetApartFromTheSecondOnABar() {
        // issue 11: on a smooth map of 21 cycles, cycle 1 (the formation) and 2 looked the same
        ColourScale scale = Grids.cycleScale(IntStream.rangeClosed(1, 21).boxed().toList());
        double firstToSecond = distance(scale.colour(Grids.cycleLevel(1)), scale.colour(Grids.cycleLevel(2)));
        double secondToThird = distance(scale.colour(Grids.cycleLevel(2)), scale.colour(Grids.cycleLevel(3)));
        assertTrue(firstToSecond > 40, "cycles 1 and 2 are " + firstToSecond + " apart in RGB");
        assertTrue(firstToSecond > 2.5 * secondToThird, firstToSecond + " vs " + secondToThird);
        // the bar of the key shows the same colours as the curves
        Key.Gradient bar = (Key.Gradient) scale.key();
        assertEquals(scale.colour(Grids.cycleLevel(2)), bar.colour(2));
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    @Test
    void barTicksAreRoundNumbersAndTheFirstCycle() {
        List<String> ticks = KeyPainter.ticks(new Key.Gradient("Cycle", 1, 21, true)).stream()
                .map(KeyPainter.Tick::label).toList();
        assertEquals(List.of("1", "5", "10", "15", "20"), ticks);
    }
}
