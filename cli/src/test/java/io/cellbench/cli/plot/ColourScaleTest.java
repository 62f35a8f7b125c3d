package io.cellbench.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
        assertEquals(ColourMap.at(11, 1, 21), scale.colour(Grids.cycleLevel(11)));
        assertNotEquals(scale.colour(Grids.cycleLevel(20)), scale.colour(Grids.cycleLevel(21)));
    }

    @Test
    void barTicksAreRoundNumbersAndTheFirstCycle() {
        List<String> ticks = KeyPainter.ticks(new Key.Gradient("Cycle", 1, 21, true)).stream()
                .map(KeyPainter.Tick::label).toList();
        assertEquals(List.of("1", "5", "10", "15", "20"), ticks);
    }
}
