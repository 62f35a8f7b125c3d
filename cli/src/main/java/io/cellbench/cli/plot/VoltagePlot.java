package io.cellbench.cli.plot;

import io.cellbench.cli.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/** Voltage against capacity, charge and discharge of each cycle, coloured by cycle; a panel per cell. */
final class VoltagePlot {
    private VoltagePlot() {
    }

    static Figure build(PlotInput in) throws IOException {
        SortedSet<Integer> cycles = in.curveCycles();
        Map<String, SortedMap<Integer, VoltageCurves.CycleCurve>> byCell = new LinkedHashMap<>();
        SortedSet<Integer> drawn = new TreeSet<>();
        for (String cell : in.cells()) {
            VoltageCurves curves = new VoltageCurves(cycles, PlotInput.POINTS_PER_BRANCH, in.restCurrentAmpere(cell));
            in.reader().samples(cell, curves);
            byCell.put(cell, curves.curves());
            drawn.addAll(curves.curves().keySet());
        }
        if (drawn.isEmpty()) {
            throw new UserError("no charge or discharge in the chosen cycles of " + in.cellList());
        }
        ColourScale colours = Grids.cycleScale(drawn);
        double width = Grids.curveWidth(drawn.size());
        List<Panel> panels = new ArrayList<>();
        boolean several = byCell.size() > 1;
        byCell.forEach((cell, curves) -> {
            Panel p = new Panel(in.style(), "Capacity (mAh)", "Voltage (V)", false, false);
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
        String title = "Voltage profiles · " + in.cellList() + in.cycleSuffix();
        return new Figure(in.style(), title, Grids.columnsFor(panels.size()), panels, List.of(colours.key()));
    }
}
