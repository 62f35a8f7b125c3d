package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColourMapTest {

    @Test
    void theMapStartsAtViridisPurpleAndStopsShortOfItsYellow() {
        assertEquals(new Color(0x440154), ColourMap.at(0));
        // 1 maps to 0.86 of the way: between stops 8 (0x7AD151) and 9 (0xBDDF26) at 0.6:
        // r 122·0.4 + 189·0.6 = 162.2, g 209·0.4 + 223·0.6 = 217.4, b 81·0.4 + 38·0.6 = 55.2
        assertEquals(new Color(162, 217, 55), ColourMap.at(1));
    }

    @Test
    void outOfRangeIsClampedAndNaNIsTheMiddle() {
        assertEquals(ColourMap.at(0), ColourMap.at(-3));
        assertEquals(ColourMap.at(1), ColourMap.at(7));
        assertEquals(ColourMap.at(0.5), ColourMap.at(Double.NaN));
        // a scale of one value has nothing to spread: the middle colour
        assertEquals(ColourMap.at(0.5), ColourMap.at(4, 4, 4));
        assertEquals(ColourMap.at(0.25), ColourMap.at(2, 1, 5));
    }

    @Test
    void aScaleOfOneLevelListsItInTheDarkColour() {
        ColourScale one = new ColourScale("Pressure (MPa)", List.of(new ColourScale.Level("5 MPa", 5)), false);
        assertEquals(ColourMap.at(0), one.colour(new ColourScale.Level("5 MPa", 5)));
        Key.Entries key = assertInstanceOf(Key.Entries.class, one.key());
        assertEquals(List.of("5 MPa"), key.entries().stream().map(Key.Entry::label).toList());
    }

    @Test
    void anEmptyScaleHasAnEmptyKey() {
        ColourScale none = new ColourScale("Cycle", List.of(), true);
        Key.Entries key = assertInstanceOf(Key.Entries.class, none.key());
        assertEquals(List.of(), key.entries());
    }

    @Test
    void aLevelRepeatedUnderOneLabelIsListedOnce() {
        ColourScale scale = new ColourScale("Cycle", List.of(Grids.cycleLevel(2), Grids.cycleLevel(2),
                Grids.cycleLevel(4)), true);
        Key.Entries key = assertInstanceOf(Key.Entries.class, scale.key());
        assertEquals(List.of("2", "4"), key.entries().stream().map(Key.Entry::label).toList());
        assertEquals(ColourMap.at(1), scale.colour(Grids.cycleLevel(4)));
    }

    @Test
    void fractionalValuesMakeASmoothBarThatDoesNotSetTheFirstApart() {
        List<ColourScale.Level> levels = new java.util.ArrayList<>();
        for (int i = 0; i <= 11; i++) {
            levels.add(new ColourScale.Level(i * 0.5 + " MPa", i * 0.5));
        }
        // asked for whole numbers, but 0.5 is not one: the bar runs smoothly from 0 to 5.5
        Key.Gradient bar = assertInstanceOf(Key.Gradient.class, new ColourScale("Pressure (MPa)", levels, true).key());
        assertEquals(false, bar.wholeNumbers());
        assertEquals(ColourMap.at(0.5), bar.colour(2.75));
        // a level not in the scale is coloured by its value on the bar
        ColourScale scale = new ColourScale("Pressure (MPa)", levels, true);
        assertEquals(ColourMap.at(1), scale.colour(new ColourScale.Level("other", 5.5)));
    }

    @Test
    void cellsAreToldApartByColourAndMarkerAndTheListWrapsRound() {
        assertEquals(new Color(0x0072B2), CellLooks.colour(0));
        assertEquals(CellLooks.colour(0), CellLooks.colour(7));
        assertEquals(CellLooks.marker(1), CellLooks.marker(6));
        assertEquals(false, CellLooks.marker(0).equals(CellLooks.marker(1)));
    }
}
