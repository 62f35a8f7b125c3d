package io.cellbench.plot;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.List;

/** |Z| (log) and phase against frequency (log), stacked on one frequency axis; one curve per spectrum. */
final class BodePlot {
    private BodePlot() {
    }

    static Figure build(PlotInput in) throws java.io.IOException {
        SpectrumSet set = SpectrumSet.read(in);
        Style style = in.style();
        Panel magnitude = new Panel(style, "Frequency (Hz)", "|Z| (Ω)", true, true).sharesXBelow().rangeNames("impedance");
        Panel phase = new Panel(style, "Frequency (Hz)", "−Phase (°)", true, false).rangeNames("phase");
        int marker = style.px(set.measurements.size() > 8 ? 5 : 6);
        magnitude.markerSize(marker);
        phase.markerSize(marker);
        double width = set.measurements.size() > 12 ? 1.0 : 1.4;
        List<FitOverlay.Fitted> fits = in.fits(set.measurements);
        for (SpectrumSet.Measurement m : set.measurements) {
            List<ImpedancePoint> points = m.spectrum().points();
            double[] f = points.stream().mapToDouble(ImpedancePoint::frequencyHz).toArray();
            double[] modulus = points.stream().mapToDouble(ImpedancePoint::modulusOhm).toArray();
            // the phase of Z is negative for a capacitive cell; plotted as −phase, as is usual for batteries
            double[] negPhase = points.stream()
                    .mapToDouble(z -> -z.phaseDegree()).toArray();
            var colour = set.colours.colour(m.level());
            var shape = CellLooks.marker(m.cellIndex());
            FitOverlay.Fitted fit = fits.stream().filter(x -> x.measurement() == m).findFirst().orElse(null);
            if (fit == null) {
                magnitude.lineAndMarkers(f, modulus, colour, width, shape);
                phase.lineAndMarkers(f, negPhase, colour, width, shape);
            } else {
                // measured points alone, the fitted circuit's curve through them
                magnitude.markers(f, modulus, colour, shape);
                phase.markers(f, negPhase, colour, shape);
                magnitude.line(fit.frequencyHz(), fit.modulus(), colour, width);
                phase.line(fit.frequencyHz(), fit.negativePhaseDegree(), colour, width);
            }
        }
        AxisRange frequency = AxisRange.around(magnitude.xData().lo(), magnitude.xData().hi(), true);
        magnitude.xRange(frequency);
        phase.xRange(frequency);
        String title = "Bode · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, 1, List.of(magnitude, phase), in.spectrumKeys(set, fits));
    }
}
