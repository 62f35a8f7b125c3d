package io.cellbench.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The charge and discharge branch of one cycle as two curves in the same axes (voltage
 * against capacity, dQ/dV against voltage). Figures of such cycles look alike: a panel per
 * cell, one line per cycle with a gap between its branches, coloured by cycle.
 */
interface CycleBranches {
    int cycle();

    Curve charge();

    Curve discharge();

    /**
     * A panel per cell (headed by the cell when there are several), one line per cycle, and the
     * cycle colour bar; {@code yName} is what --y-range calls the y axis.
     */
    static Figure figure(PlotInput in, Map<String, ? extends SortedMap<Integer, ? extends CycleBranches>> byCell,
                         String xLabel, String yLabel, String yName, String titleStart) {
        SortedSet<Integer> drawn = new TreeSet<>();
        byCell.values().forEach(curves -> drawn.addAll(curves.keySet()));
        ColourScale colours = Grids.cycleScale(drawn);
        double width = Grids.curveWidth(drawn.size());
        List<Panel> panels = new ArrayList<>();
        boolean several = byCell.size() > 1;
        byCell.forEach((cell, curves) -> {
            Panel p = new Panel(in.style(), xLabel, yLabel, false, false).rangeNames(yName);
            if (several) {
                p.heading(cell);
            }
            curves.values().forEach(c -> {
                Curve both = c.charge().joinedWithGap(c.discharge());
                if (!both.isEmpty()) {
                    p.line(both.x(), both.y(), colours.colour(Grids.cycleLevel(c.cycle())), width);
                }
            });
            panels.add(p);
        });
        String title = titleStart + " · " + in.cellList() + in.cycleSuffix();
        return new Figure(in.style(), title, Grids.columnsFor(panels.size()), panels, List.of(colours.key()));
    }
}
