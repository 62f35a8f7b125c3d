package io.cellbench.cli.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;

/** What the figure's right-hand strip explains: colours (a bar or a list) and cells. */
sealed interface Key {

    String title();

    /** A colour bar from {@code min} (bottom) to {@code max} (top). */
    record Gradient(String title, double min, double max, boolean wholeNumbers) implements Key {
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
