package io.cellbench.plot;

import io.cellbench.daq.run.CycleRange;
import io.cellbench.core.UserError;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a plot is drawn from: the run, what was asked for (cells, cycles, options), the style for
 * the image's size, where notes go, and the fit overlay ({@code fit} null: none).
 */
record PlotInput(RunReader reader, PlotRequest request, Style style, PrintStream notes, FitOverlay fit) {

    List<String> cells() {
        return request.cells();
    }

    CycleRange cycles() {
        return request.cycles();
    }

    int every() {
        return request.every();
    }

    ColourBy colourBy() {
        return request.colourBy();
    }

    CapacityAxis capacityAxis() {
        return request.capacityAxis();
    }

    double binVolt() {
        return request.binVolt();
    }

    /** The spectra's fits when {@code plot --fit} asked for them, else empty. */
    List<FitOverlay.Fitted> fits(List<SpectrumSet.Measurement> measurements) {
        return fit == null ? List.of() : fit.fit(measurements, notes);
    }

    /** The keys of a spectrum plot: the spectra's, then the fit's when there is one. */
    List<Key> spectrumKeys(SpectrumSet set, List<FitOverlay.Fitted> fits) {
        List<Key> keys = new ArrayList<>(set.keys());
        if (fit != null) {
            keys.add(fit.key(fits));
        }
        return keys;
    }

    /** Above this many cycles, curve plots draw every n-th cycle unless --every says otherwise. */
    static final int MAX_CURVES = 60;
    /** Points kept per charge or discharge curve (about two per pixel of a default-size plot). */
    static final int POINTS_PER_BRANCH = 2000;

    Optional<CellInfo> cellInfo(String cell) {
        return reader.manifest().cell(cell).map(CellEntry::cell);
    }

    /** Currents up to this are rest: a ten-thousandth of the cell's 1C current. */
    double restCurrentAmpere(String cell) {
        return cellInfo(cell).map(c -> c.nominalCapacityAh() * 1e-4).orElse(1e-9);
    }

    List<CycleSummary> summaries(String cell) throws IOException {
        return reader.cycles(cell);
    }

    /**
     * The cycles to draw one curve each for: those of the chosen cells within --cycles,
     * every n-th of them (--every, or automatically when there are more than
     * {@value #MAX_CURVES}), always ending with the last.
     */
    SortedSet<Integer> curveCycles() throws IOException {
        SortedSet<Integer> available = new TreeSet<>();
        for (String cell : cells()) {
            for (CycleSummary c : summaries(cell)) {
                if (cycles().contains(c.cycleCount())) {
                    available.add(c.cycleCount());
                }
            }
        }
        if (available.isEmpty()) {
            throw new UserError("no cycles " + (cycles().isLimited() ? "in " + cycles().describe() + " " : "")
                    + "in the data of " + String.join(", ", cells()));
        }
        Thinned thinned = thin(available, every(), MAX_CURVES);
        if (every() <= 0 && thinned.step() > 1) {
            notes.printf("plot: %d cycles selected; drawing every %d%s one (choose with --every or --cycles)%n",
                    available.size(), thinned.step(), ordinalSuffix(thinned.step()));
        }
        return thinned.cycles();
    }

    /** The cycles drawn and the step between them. */
    record Thinned(SortedSet<Integer> cycles, int step) {
    }

    /**
     * Every {@code every}-th of the available cycles (when {@code every} is 0, the smallest
     * step that draws at most {@code max}), counted from the first, plus always the last.
     */
    static Thinned thin(SortedSet<Integer> available, int every, int max) {
        // the stride points plus the last cycle stay within max: step = ⌈(n − 1) / (max − 1)⌉
        int step = every > 0 ? every : Math.max(1, (available.size() - 1 + max - 2) / (max - 1));
        List<Integer> ordered = new ArrayList<>(available);
        SortedSet<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < ordered.size(); i += step) {
            chosen.add(ordered.get(i));
        }
        if (!ordered.isEmpty()) {
            chosen.add(ordered.getLast());
        }
        return new Thinned(chosen, step);
    }

    /** "coin-1" or "coin-1, coin-2" for titles; "5 cells" beyond three (the key or panel headings name them). */
    String cellList() {
        return cells().size() <= 3 ? String.join(", ", cells()) : cells().size() + " cells";
    }

    /** " · cycles 2–20" when --cycles limits the plot. */
    String cycleSuffix() {
        CycleRange cycles = cycles();
        return cycles.isLimited() ? " · cycle" + (cycles.from() == cycles.to() ? " " : "s ") + cycles.describe() : "";
    }

    private static String ordinalSuffix(int n) {
        int mod100 = n % 100;
        if (mod100 >= 11 && mod100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
