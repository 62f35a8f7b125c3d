package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.run.DataGap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recorded quantities against test time, one panel per quantity stacked on one time axis:
 * voltage, current, stack pressure, temperatures and an imported file's aux columns, several
 * cells overlaid, each in its own colour (as in the capacity plot). Each cell's samples are
 * streamed once into {@link TimeEnvelope}s, so a month of one-second samples costs a few
 * thousand points per line.
 */
final class TimePlot {
    /** Spans of time per line: about two per pixel of a default-size plot. */
    static final int SPANS = 1500;
    /** More stacked panels would leave each too flat to read. */
    static final int MAX_PANELS = 6;
    /** Pixels of figure height per stacked panel, at least. */
    private static final int PANEL_HEIGHT_PX = 120;

    private TimePlot() {
    }

    /** One cell's lines (test time in s, values as recorded) and which columns had any value. */
    private record CellLines(Map<TimeQuantity, Curve> lines, Set<TimeQuantity> recorded, long samples,
                             List<DataGap> gaps) {
    }

    /** What the figure shows: the quantities drawn, each cell's lines, and the time axis. */
    private record Drawn(List<TimeQuantity> quantities, List<CellLines> cells, TimeAxis axis, AxisRange x,
                         TimeChoice choice) {
    }

    static Figure build(PlotInput in) throws IOException {
        Drawn d = collect(in);
        List<Panel> panels = new ArrayList<>();
        for (TimeQuantity q : d.quantities()) {
            panels.add(panel(in, q, d).xRange(d.x()));
        }
        for (int i = 0; i < panels.size() - 1; i++) {
            panels.get(i).sharesXBelow();
        }
        List<Key> keys = new ArrayList<>();
        if (in.cells().size() > 1) {
            List<Key.Entry> entries = new ArrayList<>();
            for (int i = 0; i < in.cells().size(); i++) {
                if (d.cells().get(i).samples() > 0) {
                    entries.add(new Key.Entry(in.cells().get(i), CellLooks.colour(i), null, true));
                }
            }
            keys.add(new Key.Entries("Cell", entries));
        }
        String title = String.join(", ", d.quantities().stream().map(TimeQuantity::name).toList()) + " · "
                + in.cellList() + in.cycleSuffix();
        // --y-range naming a quantity recorded but not drawn says how to draw it
        return new Figure(in.style(), title, 1, panels, keys).undrawn(d.choice().howToDraw(d.quantities(),
                q -> d.cells().stream().anyMatch(c -> c.recorded().contains(q))));
    }

    /** The lines {@link #build} draws, panel by panel, cell by cell. */
    static List<TimeSeries> series(PlotInput in) throws IOException {
        Drawn d = collect(in);
        List<TimeSeries> out = new ArrayList<>();
        for (TimeQuantity q : d.quantities()) {
            DisplayUnit unit = unit(q, d);
            for (int i = 0; i < d.cells().size(); i++) {
                Curve line = d.cells().get(i).lines().get(q);
                if (!line.isEmpty()) {
                    out.add(new TimeSeries(q.title(unit), in.cells().get(i), d.axis().unit(), d.axis().of(line.x()),
                            unit.of(line.y()), CellLooks.colour(i)));
                }
            }
        }
        return out;
    }

    private static Drawn collect(PlotInput in) throws IOException {
        List<String> asked = in.request().quantities();
        List<Column> aux = auxColumns(in);
        TimeChoice choice = new TimeChoice(aux);
        choice.check(asked);
        Set<TimeQuantity> wanted = choice.wanted(asked);
        List<CellLines> cells = new ArrayList<>();
        long samples = 0;
        for (String cell : in.cells()) {
            TimeTraces traces = new TimeTraces(choice.candidates(), wanted, in.cycles(), SPANS);
            in.reader().samples(cell, aux, traces);
            // the envelopes become lines now, so memory holds one cell's envelopes at a time
            List<DataGap> gaps = DataGap.of(in.reader().directory(), cell);
            Map<TimeQuantity, Curve> lines = new LinkedHashMap<>();
            wanted.forEach(q -> lines.put(q, brokenAtGaps(traces.curve(q), gaps)));
            Set<TimeQuantity> recorded = new HashSet<>();
            choice.candidates().stream().filter(traces::recorded).forEach(recorded::add);
            cells.add(new CellLines(lines, recorded, traces.samples(), gaps));
            samples += traces.samples();
        }
        if (samples == 0) {
            throw new UserError("no samples " + (in.cycles().isLimited() ? "in cycles " + in.cycles().describe() + " " : "")
                    + "in the data of " + in.cellList());
        }
        int maxPanels = Math.max(1, Math.min(MAX_PANELS, in.request().height() / PANEL_HEIGHT_PX));
        List<TimeQuantity> drawn = choice.choose(asked, q -> cells.stream().anyMatch(c -> c.recorded().contains(q)),
                maxPanels, in.cellList(), in.notes());
        Extent time = new Extent(false);
        for (CellLines c : cells) {
            drawn.forEach(q -> time.addAll(c.lines().get(q).x()));
        }
        TimeAxis axis = TimeAxis.forLength(time.hi() - time.lo());
        AxisRange x = AxisRange.around(time.lo() / axis.seconds(), time.hi() / axis.seconds(), false);
        for (int i = 0; i < cells.size(); i++) {
            for (DataGap gap : cells.get(i).gaps()) {
                in.notes().printf(Locale.ROOT, "plot: %s has no samples from %.1f %s to %.1f %s of its test time (data"
                        + " missing, see events.jsonl); its lines are broken there%n", in.cells().get(i),
                        gap.fromTestTimeSecond() / axis.seconds(), axis.unit(), gap.toTestTimeSecond() / axis.seconds(),
                        axis.unit());
            }
        }
        return new Drawn(drawn, cells, axis, x, choice);
    }

    /** A unit the quantity's largest value, in any cell, reads well in. */
    private static DisplayUnit unit(TimeQuantity q, Drawn d) {
        double largest = 0;
        for (CellLines c : d.cells()) {
            for (double v : c.lines().get(q).y()) {
                if (Double.isFinite(v)) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        return DisplayUnit.of(q.unit(), largest);
    }

    /** One quantity's panel: a line per cell that recorded it. */
    private static Panel panel(PlotInput in, TimeQuantity q, Drawn d) {
        DisplayUnit unit = unit(q, d);
        // the label is a heading above the axes, not a rotated axis title: "Temperature T1 / degC" is
        // longer than a panel of a four-panel stack is high
        Panel panel = new Panel(in.style(), d.axis().title(), "", false, false).heading(q.title(unit))
                .rangeNames(d.choice().names(q).toArray(String[]::new));
        for (int i = 0; i < d.cells().size(); i++) {
            Curve line = d.cells().get(i).lines().get(q);
            if (!line.isEmpty()) {
                panel.line(d.axis().of(line.x()), unit.of(line.y()), CellLooks.colour(i), 1.4);
            }
        }
        return panel;
    }

    /**
     * The line with a break (NaN) wherever a recorded hole in the cell's data lies between two
     * points ({@code resume --accept-missing-data}): a straight line across hours without samples
     * would show data that was never measured.
     */
    static Curve brokenAtGaps(Curve line, List<DataGap> gaps) {
        if (gaps.isEmpty() || line.size() < 2) {
            return line;
        }
        double[] x = new double[line.size() + gaps.size()];
        double[] y = new double[x.length];
        int n = 0;
        for (int i = 0; i < line.size(); i++) {
            if (i > 0) {
                double before = line.x()[i - 1];
                double after = line.x()[i];
                if (gaps.stream().anyMatch(g -> before <= g.fromTestTimeSecond() && after >= g.toTestTimeSecond())) {
                    x[n] = Double.NaN;
                    y[n] = Double.NaN;
                    n++;
                }
            }
            x[n] = line.x()[i];
            y[n] = line.y()[i];
            n++;
        }
        return new Curve(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }

    /** The aux columns of the chosen cells, each once, in the order first met. */
    private static List<Column> auxColumns(PlotInput in) throws IOException {
        List<Column> aux = new ArrayList<>();
        for (String cell : in.cells()) {
            for (Column c : in.reader().sampleAuxColumns(cell)) {
                if (aux.stream().noneMatch(a -> a.name().equals(c.name()))) {
                    aux.add(c);
                }
            }
        }
        return aux;
    }
}
