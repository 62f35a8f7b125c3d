package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.core.data.CycleSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Discharge capacity and coulombic efficiency against cycle, stacked on one cycle axis,
 * several cells overlaid (each its own colour and marker); capacity in mAh, or in percent of
 * each cell's nominal capacity when the cells differ much in size ({@link CapacityAxis}).
 */
final class CapacityPlot {
    /** Beyond this many cycles the markers would merge into a thick line: lines only. */
    private static final int MAX_MARKED_CYCLES = 120;

    private CapacityPlot() {
    }

    static Figure build(PlotInput in) throws IOException {
        Style style = in.style();
        boolean percent = percent(in);
        Panel capacity = new Panel(style, "Cycle", percent ? "Discharge capacity (% of nominal)"
                : "Discharge capacity (mAh)", false, false).sharesXBelow().rangeNames("capacity");
        Panel efficiency = new Panel(style, "Cycle", "Coulombic efficiency (%)", false, false).rangeNames("efficiency");
        List<Key.Entry> cells = new ArrayList<>();
        int drawn = 0;
        for (int i = 0; i < in.cells().size(); i++) {
            String cell = in.cells().get(i);
            // a cycle without discharge (a charge-only step, the unfinished last cycle) has no capacity to show
            List<CycleSummary> rows = in.summaries(cell).stream()
                    .filter(c -> in.cycles().contains(c.cycleCount()) && c.dischargeCapacityAh() > 0).toList();
            double[] cycle = rows.stream().mapToDouble(CycleSummary::cycleCount).toArray();
            double scale = percent ? 100 / in.cellInfo(cell).map(c -> c.nominalCapacityAh()).orElse(Double.NaN) : 1000;
            double[] mah = rows.stream().mapToDouble(c -> c.dischargeCapacityAh() * scale).toArray();
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
            throw new UserError("no discharge " + (in.cycles().isLimited() ? "in cycles " + in.cycles().describe() + " " : "")
                    + "in the data of " + in.cellList());
        }
        AxisRange x = cycleAxis(capacity.xData());
        capacity.xRange(x).wholeNumbersOnX();
        efficiency.xRange(x).wholeNumbersOnX();
        efficiency.reference(new double[] {x.min(), x.max()}, new double[] {100, 100});
        Extent ce = efficiency.yData();
        if (!ce.isEmpty()) {
            efficiency.yRange(AxisRange.around(ce.lo(), Math.max(ce.hi(), 100), false));
        }
        String title = "Capacity and coulombic efficiency · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, 1, List.of(capacity, efficiency), List.of(new Key.Entries("Cell", cells)));
    }

    /** Whether capacity is drawn as a share of nominal: asked for, or (auto) cells of very different size. */
    static boolean percent(PlotInput in) {
        if (in.capacityAxis() != CapacityAxis.AUTO) {
            return in.capacityAxis() == CapacityAxis.PERCENT;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (String cell : in.cells()) {
            double nominal = in.cellInfo(cell).map(c -> c.nominalCapacityAh()).orElse(Double.NaN);
            if (!(nominal > 0)) {
                return false; // without every nominal capacity there is nothing to scale by
            }
            lo = Math.min(lo, nominal);
            hi = Math.max(hi, nominal);
        }
        return hi > CapacityAxis.SIZES_APART * lo;
    }

    /**
     * Cycle numbers are whole: half a cycle of room at each end, and at least four cycles
     * wide, so that a plot of one or two cycles still gets whole-number ticks.
     */
    static AxisRange cycleAxis(Extent cycles) {
        double lo = cycles.lo() - 0.5 - 0.02 * (cycles.hi() - cycles.lo());
        double hi = cycles.hi() + 0.5 + 0.02 * (cycles.hi() - cycles.lo());
        double widen = Math.max(0, 4 - (hi - lo)) / 2;
        return new AxisRange(lo - widen, hi + widen, false);
    }
}
