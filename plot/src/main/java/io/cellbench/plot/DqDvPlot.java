package io.cellbench.plot;

import io.cellbench.core.UserError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/** Incremental capacity dQ/dV against voltage per cycle (charge above zero, discharge below); a panel per cell. */
final class DqDvPlot {
    private DqDvPlot() {
    }

    static Figure build(PlotInput in) throws IOException {
        SortedSet<Integer> cycles = in.curveCycles();
        Map<String, SortedMap<Integer, DifferentialCapacity.CycleDqDv>> byCell = new LinkedHashMap<>();
        for (String cell : in.cells()) {
            DifferentialCapacity dqdv = new DifferentialCapacity(cycles, in.binVolt(), in.restCurrentAmpere(cell));
            in.reader().samples(cell, dqdv);
            byCell.put(cell, dqdv.curves());
        }
        if (byCell.values().stream().allMatch(Map::isEmpty)) {
            throw new UserError("no constant-current charge or discharge in the chosen cycles of " + in.cellList());
        }
        return CycleBranches.figure(in, byCell, "Voltage (V)", "dQ/dV (mAh/V)", "dqdv", "Incremental capacity");
    }
}
