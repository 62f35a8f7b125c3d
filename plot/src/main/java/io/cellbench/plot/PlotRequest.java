package io.cellbench.plot;

import io.cellbench.daq.run.CycleRange;
import java.util.List;

/**
 * One figure asked for: its kind, the cells and cycles it shows, and the options of
 * {@code cellbench plot}, already checked by the command line.
 *
 * @param every    draw every n-th cycle; 0 thins automatically to at most {@link Plots#MAX_CURVES}
 * @param binVolt  the dQ/dV voltage bin
 * @param fitCircuit nyquist, bode: the circuit fitted to each spectrum and drawn over it, or null
 * @param against resistance: what the fitted resistances are drawn against; null when not asked (cycle)
 * @param quantities time: what is drawn against test time (--y: voltage, current, pressure, temperature,
 *                   power or a column's name), one panel each; empty: the default choice
 * @param yRanges  --y-range: y axes set by hand, by panel name; empty: every axis over its data
 */
public record PlotRequest(
        PlotKind kind,
        List<String> cells,
        CycleRange cycles,
        int every,
        ColourBy colourBy,
        CapacityAxis capacityAxis,
        double binVolt,
        int width,
        int height,
        String fitCircuit,
        ResistanceAxis against,
        List<String> quantities,
        List<YRange> yRanges) {

    public PlotRequest {
        cells = List.copyOf(cells);
        quantities = List.copyOf(quantities);
        yRanges = List.copyOf(yRanges);
    }

    /** A request whose axes all run over the data (no --y-range). */
    public PlotRequest(PlotKind kind, List<String> cells, CycleRange cycles, int every, ColourBy colourBy,
                       CapacityAxis capacityAxis, double binVolt, int width, int height, String fitCircuit,
                       ResistanceAxis against, List<String> quantities) {
        this(kind, cells, cycles, every, colourBy, capacityAxis, binVolt, width, height, fitCircuit, against, quantities,
                List.of());
    }

    /** This request with the y axes {@code ranges} set by hand. */
    public PlotRequest withYRanges(List<YRange> ranges) {
        return new PlotRequest(kind, cells, cycles, every, colourBy, capacityAxis, binVolt, width, height, fitCircuit,
                against, quantities, ranges);
    }

    /** A request of any kind but {@code time}'s --y. */
    public PlotRequest(PlotKind kind, List<String> cells, CycleRange cycles, int every, ColourBy colourBy,
                       CapacityAxis capacityAxis, double binVolt, int width, int height, String fitCircuit,
                       ResistanceAxis against) {
        this(kind, cells, cycles, every, colourBy, capacityAxis, binVolt, width, height, fitCircuit, against, List.of());
    }
}
