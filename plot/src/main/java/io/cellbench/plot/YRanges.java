package io.cellbench.plot;

import io.cellbench.core.UserError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sets the y axes {@code --y-range} names ({@link YRange}) on a figure's panels, after the plot has
 * laid out its own ranges, so a range asked for wins over the data's. Panels answer to the names
 * their plot gave them ({@link Panel#rangeNames}); a plot with none (nyquist, whose axes keep one
 * ohm as long as the other) refuses the option.
 */
final class YRanges {
    private YRanges() {
    }

    /** Refuses --y-range for a plot that takes none, before any data is read. */
    static void check(PlotRequest request) {
        if (!request.yRanges().isEmpty() && request.kind() == PlotKind.NYQUIST) {
            throw new UserError("--y-range sets the y axis of the other plots, not nyquist, whose axes keep one ohm as"
                    + " long as the other; leave it out");
        }
    }

    static void apply(List<YRange> asked, Figure figure, PlotKind kind) {
        if (asked.isEmpty()) {
            return;
        }
        List<Panel> panels = figure.panels();
        String plot = kind.name().toLowerCase(Locale.ROOT);
        Set<String> listed = new LinkedHashSet<>();
        panels.forEach(p -> listed.addAll(p.rangeNames().stream().limit(1).toList()));
        for (YRange r : asked) {
            List<Panel> named = panels.stream().filter(p -> p.rangeNames().contains(r.name())).toList();
            String howToDraw = figure.howToDraw(r.name());
            if (named.isEmpty() && howToDraw != null) {
                throw r.refused("the " + plot + " plot has no panel '" + r.name() + "': " + r.name()
                        + " was recorded but not drawn; draw it with " + howToDraw);
            }
            if (named.isEmpty()) {
                throw r.refused("the " + plot + " plot has no panel '" + r.name() + "'; choose from "
                        + String.join(", ", listed));
            }
            for (Panel p : named) {
                p.yRange(range(r, p));
            }
        }
    }

    /** The range {@code r} asks of {@code p}'s y axis, in the unit the panel shows. */
    private static AxisRange range(YRange r, Panel p) {
        AxisRange axis = p.currentY();
        String unit = p.yUnit();
        double lo = r.min() == null ? axis.min() : r.min().in(unit, r);
        double hi = r.max() == null ? axis.max() : r.max().in(unit, r);
        String in = unit.isEmpty() ? "" : " " + unit;
        if (axis.log() && !(lo > 0)) {
            throw r.refused("the " + r.name() + " axis is logarithmic, so its lower end must be above 0, not "
                    + number(lo) + in + "; give a positive MIN");
        }
        if (!(hi > lo)) {
            throw r.refused("the lower end " + number(lo) + in + " is not below the upper end " + number(hi) + in
                    + (r.min() == null || r.max() == null ? " (the end left out is the data's)" : "")
                    + "; give MIN < MAX");
        }
        return new AxisRange(lo, hi, axis.log());
    }

    private static String number(double v) {
        return TickLabels.trueMinus(String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1"));
    }
}
