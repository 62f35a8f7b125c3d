package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.daq.impedance.FitReader;
import io.cellbench.daq.impedance.FittedSweep;
import io.cellbench.impedance.table.SweepField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.arrow.memory.RootAllocator;

/**
 * The fitted resistances of the cells (R_bulk, R_gb, R_int: what the run's impedance fits found,
 * from fits.arrows) against cycle, stack pressure or temperature: how the interface of a
 * solid-state cell grows with cycling or falls with pressure. One colour per cell, one marker per
 * resistance. Against cycle each cycle's last fitted sweep is drawn (the cycle summary's values),
 * joined in cycle order; against pressure or temperature every fitted sweep is a point, not
 * joined, since those are conditions measured with the sweep rather than an order.
 */
final class ResistancePlot {
    /** Resistances more than this many times apart are drawn on a logarithmic axis. */
    static final double DECADE = 10;

    private ResistancePlot() {
    }

    static Figure build(PlotInput in) throws IOException {
        List<ResistanceSeries> series = series(in);
        ResistanceAxis against = against(in);
        Style style = in.style();
        boolean logY = logarithmic(series);
        Panel p = new Panel(style, xTitle(against), "Resistance (Ω)", false, logY).rangeNames("resistance");
        p.markerSize(style.px(9));
        for (ResistanceSeries s : series) {
            if (against == ResistanceAxis.CYCLE) {
                p.lineAndMarkers(s.x(), s.y(), s.colour(), 1.6, s.resistance().marker());
            } else {
                p.markers(s.x(), s.y(), s.colour(), s.resistance().marker());
            }
        }
        if (against == ResistanceAxis.CYCLE) {
            p.xRange(CapacityPlot.cycleAxis(p.xData())).wholeNumbersOnX();
        } else {
            p.xRange(AxisRange.around(p.xData().lo(), p.xData().hi(), false));
        }
        Extent y = p.yData();
        p.yRange(logY ? AxisRange.around(y.lo(), y.hi(), true) : AxisRange.around(Math.min(0, y.lo()), y.hi(), false));
        String title = "Fitted resistances · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, 1, List.of(p), keys(series));
    }

    /** What is drawn: for each chosen cell with fits, each resistance the fits carry, in cell order. */
    static List<ResistanceSeries> series(PlotInput in) throws IOException {
        ResistanceAxis against = against(in);
        List<ResistanceSeries> out = new ArrayList<>();
        List<String> withoutFits = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int untrusted = 0;
        boolean anySweep = false;
        try (RootAllocator allocator = new RootAllocator()) {
            for (int i = 0; i < in.cells().size(); i++) {
                String cell = in.cells().get(i);
                if (!FitReader.hasFits(in.reader().directory(), cell)) {
                    withoutFits.add(cell);
                    continue;
                }
                List<FittedSweep> sweeps = FitReader.read(in.reader().directory(), cell, allocator, warnings).stream()
                        .filter(s -> in.cycles().contains(s.cycleCount())).toList();
                if (against == ResistanceAxis.CYCLE) {
                    sweeps = List.copyOf(FitReader.lastPerCycle(sweeps).values());
                }
                anySweep |= !sweeps.isEmpty();
                ToDoubleFunction<FittedSweep> x = x(against);
                sweeps = sweeps.stream().filter(s -> Double.isFinite(x.applyAsDouble(s))).toList();
                untrusted += (int) sweeps.stream().filter(s -> !s.trustworthy()).count();
                for (Resistance r : Resistance.values()) {
                    List<FittedSweep> fitted = sweeps.stream().filter(s -> Double.isFinite(r.of(s))).toList();
                    if (!fitted.isEmpty()) {
                        out.add(new ResistanceSeries(cell, r, fitted.stream().mapToDouble(x).toArray(),
                                fitted.stream().mapToDouble(r::of).toArray(), CellLooks.colour(i)));
                    }
                }
            }
        }
        warnings.forEach(w -> in.notes().println("plot: " + w));
        if (withoutFits.size() == in.cells().size()) {
            throw new UserError("no fitted resistances for " + String.join(", ", withoutFits) + " in this run (no"
                    + " fits.arrows): the resistance plot draws the circuit fits a run makes of its impedance sweeps."
                    + " A run fits them when its protocol or schedule names a circuit (fit: CIRCUIT) or with"
                    + " run --fit; for this run's recorded sweeps, cellbench data eis DIR --fit prints the same fits");
        }
        if (!anySweep) {
            throw new UserError("no fitted sweeps " + (in.cycles().isLimited() ? "in cycles " + in.cycles().describe()
                    + " " : "") + "of " + in.cellList());
        }
        if (out.isEmpty()) {
            throw new UserError("--against " + against.name().toLowerCase(Locale.ROOT) + ": no " + quantity(against)
                    + " was recorded with the fitted sweeps of " + in.cellList());
        }
        if (!withoutFits.isEmpty()) {
            in.notes().println("plot: no fitted sweeps for " + String.join(", ", withoutFits) + "; left out");
        }
        if (untrusted > 0) {
            in.notes().printf("plot: %d of the fits drawn are untrusted (the sweep failed Lin-KK or the fit did not"
                    + " converge); cellbench data eis DIR --fit says which%n", untrusted);
        }
        return out;
    }

    static ResistanceAxis against(PlotInput in) {
        return in.request().against() == null ? ResistanceAxis.CYCLE : in.request().against();
    }

    private static ToDoubleFunction<FittedSweep> x(ResistanceAxis against) {
        return switch (against) {
            case CYCLE -> FittedSweep::cycleCount;
            case PRESSURE -> s -> s.appliedPressurePa() / 1e6;
            case TEMPERATURE -> s -> s.value(SweepField.AMBIENT_TEMPERATURE.columnName());
        };
    }

    private static String xTitle(ResistanceAxis against) {
        return switch (against) {
            case CYCLE -> "Cycle";
            case PRESSURE -> "Stack pressure (MPa)";
            case TEMPERATURE -> "Temperature (°C)";
        };
    }

    private static String quantity(ResistanceAxis against) {
        return switch (against) {
            case CYCLE -> "cycle";
            case PRESSURE -> "stack pressure";
            case TEMPERATURE -> "temperature";
        };
    }

    /**
     * A logarithmic resistance axis when the values span more than {@value #DECADE}× (a pouch's
     * 0.03 Ω beside a coin cell's 60 Ω), where a linear one would flatten the smaller to zero.
     */
    static boolean logarithmic(List<ResistanceSeries> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (ResistanceSeries s : series) {
            for (double v : s.y()) {
                if (!(v > 0)) {
                    return false;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > DECADE * lo;
    }

    /** A key of cells (their colours) and one of resistances (their markers). */
    private static List<Key> keys(List<ResistanceSeries> series) {
        List<Key.Entry> cells = new ArrayList<>();
        List<Key.Entry> resistances = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ResistanceSeries s : series) {
            if (!seen.contains(s.cell())) {
                seen.add(s.cell());
                cells.add(new Key.Entry(s.cell(), s.colour(), null, true));
            }
        }
        for (Resistance r : Resistance.values()) {
            if (series.stream().anyMatch(s -> s.resistance() == r)) {
                resistances.add(new Key.Entry(r.label() + " (" + r.parameter() + ")", Style.NEUTRAL, r.marker(), false));
            }
        }
        return List.of(new Key.Entries("Cell", cells), new Key.Entries("Resistance", resistances));
    }
}
