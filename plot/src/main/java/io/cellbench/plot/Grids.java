package io.cellbench.plot;

import java.util.Collection;
import java.util.List;

/** Small layout and colour choices shared by the per-cycle plots. */
final class Grids {
    private Grids() {
    }

    /** Columns for one panel per cell: a row up to three, then two or three per row. */
    static int columnsFor(int panels) {
        return switch (panels) {
            case 1, 2, 3 -> panels;
            case 4 -> 2;
            default -> panels <= 9 ? 3 : 4;
        };
    }

    /** A colour per cycle: each cycle listed when few, a colour bar otherwise. */
    static ColourScale cycleScale(Collection<Integer> cycles) {
        List<ColourScale.Level> levels = cycles.stream()
                .map(c -> new ColourScale.Level(Integer.toString(c), c)).toList();
        return new ColourScale("Cycle", levels, true);
    }

    static ColourScale.Level cycleLevel(int cycle) {
        return new ColourScale.Level(Integer.toString(cycle), cycle);
    }

    /** Thinner lines when many curves share a panel, so the later ones do not bury the rest. */
    static double curveWidth(int curves) {
        return curves <= 5 ? 2.4 : curves <= 25 ? 1.8 : 1.3;
    }
}
