package io.cellbench.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;

/** What the figure's right-hand strip explains: colours (a bar or a list) and cells. */
sealed interface Key {

    String title();

    /**
     * A colour bar from {@code min} (bottom) to {@code max} (top). With {@code second} a number
     * (the second-lowest cycle), the first cycle is set apart: it keeps the dark end of the map
     * and the rest start a step further on ({@link #FIRST_APART}). On a smooth map the first
     * cycle would otherwise share the colour of the second, and it is the one that differs
     * most (a formation, the first cycle of a test).
     */
    record Gradient(String title, double min, double max, boolean wholeNumbers, double second) implements Key {

        /** How far along the map the second cycle starts when the first is set apart. */
        static final double FIRST_APART = 0.15;

        Gradient(String title, double min, double max, boolean wholeNumbers) {
            this(title, min, max, wholeNumbers, Double.NaN);
        }

        /** Where {@code v} sits on the colour map, 0 to 1. */
        double position(double v) {
            if (Double.isNaN(second) || second >= max) {
                return max > min ? (v - min) / (max - min) : 0.5;
            }
            return v < second ? 0 : FIRST_APART + (1 - FIRST_APART) * (v - second) / (max - second);
        }

        Color colour(double v) {
            return ColourMap.at(position(v));
        }
    }

    /** Labelled samples of line and/or marker, one per entry. */
    record Entries(String title, List<Entry> entries) implements Key {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /** One key entry; {@code marker} null for a plain line, {@code line} false for a marker alone. */
    record Entry(String label, Color colour, Marker marker, boolean line) {
    }
}
