package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.core.data.Spectrum;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impedance spectra of the chosen cells and cycles, with the colour of each. A spectrum
 * is named by its cycle; when a cell has several in one cycle (before and after formation,
 * say) they are told apart as "1 (1 of 2)", "1 (2 of 2)" in time order.
 */
final class SpectrumSet {

    /** One spectrum to draw: whose, which, its place on the colour scale and the colour that gives. */
    record Measurement(String cell, int cellIndex, Spectrum spectrum, ColourScale.Level level, java.awt.Color colour) {
    }

    /** Spectra of one cell more than this far apart in pressure count as taken at different pressures. */
    private static final double SAME_PRESSURE = 0.02;

    final List<Measurement> measurements;
    final ColourScale colours;
    final boolean byPressure;

    private SpectrumSet(List<Measurement> measurements, ColourScale colours, boolean byPressure) {
        this.measurements = measurements;
        this.colours = colours;
        this.byPressure = byPressure;
    }

    static SpectrumSet read(PlotInput in) throws IOException {
        Map<String, List<Spectrum>> byCell = new LinkedHashMap<>();
        int total = 0;
        for (String cell : in.cells()) {
            List<Spectrum> chosen = in.reader().spectra(cell).stream()
                    .filter(s -> in.cycles().contains(s.cycleCount()) && !s.points().isEmpty()).toList();
            byCell.put(cell, chosen);
            total += chosen.size();
        }
        if (total == 0) {
            String where = in.cycles().isLimited() ? " in cycles " + in.cycles().describe() : "";
            throw new UserError("no impedance spectra" + where + " for " + in.cellList()
                    + " in this run; nyquist, bode and drt plots need EIS steps in the protocol");
        }
        boolean byPressure = switch (in.colourBy()) {
            case CYCLE -> false;
            case PRESSURE -> true;
            case AUTO -> byCell.values().stream().anyMatch(SpectrumSet::pressureVaries);
        };
        if (byPressure && byCell.values().stream().flatMap(List::stream)
                .allMatch(s -> !Double.isFinite(s.appliedPressurePa()))) {
            throw new UserError("--colour-by pressure: no pressure was recorded with these spectra");
        }
        PressureGroups pressures = byPressure ? PressureGroups.of(byCell.values()) : null;
        List<Measurement> measurements = new ArrayList<>();
        int cellIndex = 0;
        for (var entry : byCell.entrySet()) {
            List<Spectrum> spectra = entry.getValue();
            for (int k = 0; k < spectra.size(); k++) {
                Spectrum s = spectra.get(k);
                ColourScale.Level level = byPressure ? pressures.level(s.appliedPressurePa()) : cycleLevel(spectra, k);
                measurements.add(new Measurement(entry.getKey(), cellIndex, s, level, null));
            }
            cellIndex++;
        }
        ColourScale colours = new ColourScale(byPressure ? "Pressure" : "Cycle",
                measurements.stream().map(Measurement::level).toList(), !byPressure);
        List<Measurement> coloured = measurements.stream()
                .map(m -> new Measurement(m.cell(), m.cellIndex(), m.spectrum(), m.level(), colours.colour(m.level())))
                .toList();
        return new SpectrumSet(coloured, colours, byPressure);
    }

    /** Several cells: tell them apart by marker. */
    boolean severalCells() {
        return measurements.stream().map(Measurement::cell).distinct().count() > 1;
    }

    /** The keys: colours, and the cells' markers when there are several cells. */
    List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        // one cell: the colour entries show its marker; several: a separate key says which marker is whose
        keys.add(colours.key(severalCells() ? null : CellLooks.marker(0)));
        if (severalCells()) {
            List<Key.Entry> cells = new ArrayList<>();
            measurements.stream().filter(m -> cells.stream().noneMatch(e -> e.label().equals(m.cell())))
                    .forEach(m -> cells.add(new Key.Entry(m.cell(), Style.NEUTRAL, CellLooks.marker(m.cellIndex()), true)));
            keys.add(new Key.Entries("Cell", cells));
        }
        return keys;
    }

    private static boolean pressureVaries(List<Spectrum> spectra) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Spectrum s : spectra) {
            if (Double.isFinite(s.appliedPressurePa())) {
                lo = Math.min(lo, s.appliedPressurePa());
                hi = Math.max(hi, s.appliedPressurePa());
            }
        }
        return hi > lo && (hi - lo) > SAME_PRESSURE * Math.abs(hi);
    }

    private static ColourScale.Level cycleLevel(List<Spectrum> spectra, int k) {
        int cycle = spectra.get(k).cycleCount();
        int first = k;
        while (first > 0 && spectra.get(first - 1).cycleCount() == cycle) {
            first--;
        }
        int last = k;
        while (last + 1 < spectra.size() && spectra.get(last + 1).cycleCount() == cycle) {
            last++;
        }
        int count = last - first + 1;
        if (count == 1) {
            return new ColourScale.Level(Integer.toString(cycle), cycle);
        }
        int ordinal = k - first + 1;
        // keep the spectra of one cycle in time order on the scale, between its neighbours
        double value = cycle - 0.5 + ordinal / (double) (count + 1);
        return new ColourScale.Level(cycle + " (" + ordinal + " of " + count + ")", value);
    }
}
