package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the plot module offers the command line: draw one figure of a run into an image file. */
public final class Plots {
    /** Above this many cycles, curve plots draw every n-th cycle unless told otherwise. */
    public static final int MAX_CURVES = PlotInput.MAX_CURVES;
    public static final int DEFAULT_WIDTH = Style.DEFAULT_WIDTH;
    public static final int DEFAULT_HEIGHT = Style.DEFAULT_HEIGHT;

    private Plots() {
    }

    /** Refuses (a {@code UserError}) an output file that is neither .png nor .svg, before any data is read. */
    public static void requireImageFile(Path out) {
        ImageFormat.of(out);
    }

    /** Draws the figure asked for from the run being read; notes (such as thinning) go to {@code notes}. */
    public static void write(RunReader reader, PlotRequest request, Path out, PrintStream notes) throws IOException {
        FigureWriter.write(figure(reader, request, notes), request.width(), request.height(), out);
    }

    /** The figure {@link #write} draws, its options checked, the axes --y-range names set. */
    static Figure figure(RunReader reader, PlotRequest request, PrintStream notes) throws IOException {
        FitOverlay fit = null;
        if (request.fitCircuit() != null) {
            if (request.kind() != PlotKind.NYQUIST && request.kind() != PlotKind.BODE) {
                throw new UserError("--fit draws the fitted circuit over nyquist and bode plots only, not "
                        + request.kind().name().toLowerCase(Locale.ROOT));
            }
            fit = FitOverlay.of(request.fitCircuit());
        }
        if (request.against() != null && request.kind() != PlotKind.RESISTANCE) {
            throw new UserError("--against chooses the x axis of the resistance plot only, not "
                    + request.kind().name().toLowerCase(Locale.ROOT));
        }
        if (!request.quantities().isEmpty() && request.kind() != PlotKind.TIME) {
            throw new UserError("--y chooses the quantities of the time plot only, not "
                    + request.kind().name().toLowerCase(Locale.ROOT));
        }
        YRanges.check(request);
        PlotInput in = new PlotInput(reader, request, Style.forSize(request.width(), request.height()), notes, fit);
        Figure figure = switch (request.kind()) {
            case VOLTAGE -> VoltagePlot.build(in);
            case CAPACITY -> CapacityPlot.build(in);
            case NYQUIST -> NyquistPlot.build(in);
            case BODE -> BodePlot.build(in);
            case DQDV -> DqDvPlot.build(in);
            case DRT -> DrtPlot.build(in);
            case RESISTANCE -> ResistancePlot.build(in);
            case TIME -> TimePlot.build(in);
        };
        YRanges.apply(request.yRanges(), figure, request.kind());
        return figure;
    }

    /**
     * What {@code --kind resistance} draws for this request, before it is drawn: a series per cell
     * and fitted resistance, in the cell's colour (for checking a figure, or drawing it elsewhere).
     */
    public static List<ResistanceSeries> resistanceSeries(RunReader reader, PlotRequest request, PrintStream notes)
            throws IOException {
        return ResistancePlot.series(new PlotInput(reader, request, Style.forSize(request.width(), request.height()),
                notes, null));
    }

    /**
     * What {@code --kind time} draws for this request, before it is drawn: a line per panel and cell,
     * test time against the recorded quantity in the units of the figure (for checking a figure, or
     * drawing it elsewhere).
     */
    public static List<TimeSeries> timeSeries(RunReader reader, PlotRequest request, PrintStream notes)
            throws IOException {
        return TimePlot.series(new PlotInput(reader, request, Style.forSize(request.width(), request.height()),
                notes, null));
    }
}
