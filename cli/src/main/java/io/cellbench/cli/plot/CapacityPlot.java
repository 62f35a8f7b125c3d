package io.cellbench.cli.plot;

import io.cellbench.cli.UserError;
import io.cellbench.core.data.CycleSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Discharge capacity and coulombic efficiency against cycle, stacked on one cycle axis,
 * several cells overlaid (each its own colour and marker).
 */
final class CapacityPlot {
    /** Beyond this many cycles the markers would merge into a thick line: lines only. */
    private static final int MAX_MARKED_CYCLES = 120;

    private CapacityPlot() {
    }

    static Figure build(PlotInput in) throws IOException {
        Style style = in.style();
        Panel capacity = new Panel(style, "Cycle", "Discharge capacity (mAh)", false, false).sharesXBelow();
        Panel efficiency = new Panel(style, "Cycle", "Coulombic efficiency (%)", false, false);
        List<Key.Entry> cells = new ArrayList<>();
        int drawn = 0;
        for (int i = 0; i < in.cells().size(); i++) {
            String cell = in.cells().get(i);
            List<CycleSummary> rows = in.summaries(cell).stream()
                    .filter(c -> in.cycles().contains(c.cycleCount())).toList();
            double[] cycle = rows.stream().mapToDouble(CycleSummary::cycleCount).toArray();
            double[] mah = rows.stream().mapToDouble(c -> c.dischargeCapacityAh() * 1000).toArray();
            double[] ce = rows.stream().mapToDouble(c -> c.coulombicEfficiency() * 100).toArray();
            if (rows.isEmpty()) {
                continue;
            }
            drawn++;
            var colour = CellLooks.colour(i);
            var marker = rows.size() <= MAX_MARKED_CYCLES ? CellLooks.marker(i) : null;
            if (marker != null) {
                capacity.lineAndMarkers(cycle, mah, colour, 1.6, marker);
                efficiency.lineAndMarkers(cycle, ce, colour, 1.6, marker);
            } else {
                capacity.line(cycle, mah, colour, 1.6);
                efficiency.line(cycle, ce, colour, 1.6);
            }
            cells.add(new Key.Entry(cell, colour, marker, true));
        }
        if (drawn == 0) {
            throw new UserError("no cycles " + (in.cycles().isLimited() ? "in " + in.cycles().describe() + " " : "")
                    + "in the data of " + in.cellList());
        }
        AxisRange x = cycleAxis(capacity.xData());
        capacity.xRange(x);
        efficiency.xRange(x);
        efficiency.reference(new double[] {x.min(), x.max()}, new double[] {100, 100});
        Extent ce = efficiency.yData();
        if (!ce.isEmpty()) {
            efficiency.yRange(AxisRange.around(ce.lo(), Math.max(ce.hi(), 100), false));
        }
        String title = "Capacity and coulombic efficiency · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, 1, List.of(capacity, efficiency), List.of(new Key.Entries("Cell", cells)));
    }

    /** Cycle numbers are whole: half a cycle of room at each end. */
    private static AxisRange cycleAxis(Extent cycles) {
        return new AxisRange(cycles.lo() - 0.5 - 0.02 * (cycles.hi() - cycles.lo()),
                cycles.hi() + 0.5 + 0.02 * (cycles.hi() - cycles.lo()), false);
    }
}
