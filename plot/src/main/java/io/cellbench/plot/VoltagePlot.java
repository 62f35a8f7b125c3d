package io.cellbench.plot;

import io.cellbench.core.UserError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/** Voltage against capacity, charge and discharge of each cycle, coloured by cycle; a panel per cell. */
final class VoltagePlot {
    private VoltagePlot() {
    }

    static Figure build(PlotInput in) throws IOException {
        SortedSet<Integer> cycles = in.curveCycles();
        Map<String, SortedMap<Integer, VoltageCurves.CycleCurve>> byCell = new LinkedHashMap<>();
        for (String cell : in.cells()) {
            VoltageCurves curves = new VoltageCurves(cycles, PlotInput.POINTS_PER_BRANCH, in.restCurrentAmpere(cell));
            in.reader().samples(cell, curves);
            byCell.put(cell, curves.curves());
        }
        if (byCell.values().stream().allMatch(Map::isEmpty)) {
            throw new UserError("no charge or discharge in the chosen cycles of " + in.cellList());
        }
        return CycleBranches.figure(in, byCell, "Capacity (mAh)", "Voltage (V)", "voltage", "Voltage profiles");
    }
}
