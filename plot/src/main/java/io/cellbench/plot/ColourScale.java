package io.cellbench.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours curves by a quantity (cycle, pressure). With few levels every level gets its own
 * key entry and the colours are spread evenly along the map in level order, so neighbours
 * stay distinguishable; with more, the colour follows the value and a colour bar explains
 * it (a key of 20+ entries is unreadable).
 */
final class ColourScale {
    /** Up to this many levels are listed one by one. */
    static final int MAX_ENTRIES = 10;

    /** One value to colour by; {@code label} names it in the key and tells levels apart. */
    record Level(String label, double value) {
    }

    private final String title;
    private final boolean wholeNumbers;
    private final List<Level> levels;
    private final Map<String, Color> colours = new LinkedHashMap<>();
    private final double min;
    private final double max;
    private final Key.Gradient gradient;

    ColourScale(String title, List<Level> levels, boolean wholeNumbers) {
        this.title = title;
        this.wholeNumbers = wholeNumbers && levels.stream().allMatch(l -> l.value() == Math.rint(l.value()));
        Map<String, Level> distinct = new LinkedHashMap<>();
        levels.forEach(l -> distinct.putIfAbsent(l.label(), l));
        List<Level> sorted = new ArrayList<>(distinct.values());
        sorted.sort(Comparator.comparingDouble(Level::value));
        this.levels = List.copyOf(sorted);
        this.min = sorted.isEmpty() ? 0 : sorted.getFirst().value();
        this.max = sorted.isEmpty() ? 1 : sorted.getLast().value();
        // a bar of cycles sets the first apart (see Key.Gradient); other quantities run smoothly
        this.gradient = new Key.Gradient(title, min, max, this.wholeNumbers,
                this.wholeNumbers && sorted.size() > 2 ? sorted.get(1).value() : Double.NaN);
        boolean listed = isListed();
        for (int i = 0; i < sorted.size(); i++) {
            Level l = sorted.get(i);
            double t = sorted.size() == 1 ? 0 : i / (double) (sorted.size() - 1);
            colours.put(l.label(), listed ? ColourMap.at(t) : gradient.colour(l.value()));
        }
    }

    boolean isListed() {
        return levels.size() <= MAX_ENTRIES;
    }

    Color colour(Level level) {
        Color c = colours.get(level.label());
        return c != null ? c : gradient.colour(level.value());
    }

    /** The key: each level with its line colour, or a colour bar. */
    Key key() {
        return key(null);
    }

    /** The key, listed levels drawn with {@code marker} (null: a plain line) when the curves carry one. */
    Key key(org.knowm.xchart.style.markers.Marker marker) {
        if (isListed()) {
            return new Key.Entries(title, levels.stream()
                    .map(l -> new Key.Entry(l.label(), colours.get(l.label()), marker, true)).toList());
        }
        return gradient;
    }
}
