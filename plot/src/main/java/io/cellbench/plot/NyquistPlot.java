package io.cellbench.plot;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * −Im Z against Re Z, one curve per spectrum, with an ohm as long on both axes (a semicircle
 * must look like one) and the origin in view, so the high-frequency intercept reads as the
 * cell's ohmic resistance. Cells overlay in one panel; cells whose impedances differ by more
 * than {@value #SCALES_APART}× (a pouch of 1 Ω beside a coin cell of 100 Ω) get a panel each,
 * as on one scale the smaller would be a dot at the origin.
 */
final class NyquistPlot {
    static final double SCALES_APART = 5;

    private NyquistPlot() {
    }

    static Figure build(PlotInput in) throws java.io.IOException {
        SpectrumSet set = SpectrumSet.read(in);
        Style style = in.style();
        Map<String, List<SpectrumSet.Measurement>> byCell = new LinkedHashMap<>();
        set.measurements.forEach(m -> byCell.computeIfAbsent(m.cell(), k -> new ArrayList<>()).add(m));
        List<FitOverlay.Fitted> fits = in.fits(set.measurements);
        List<Panel> panels = new ArrayList<>();
        if (scalesApart(byCell)) {
            byCell.forEach((cell, ms) -> panels.add(panel(style, ms, fits).heading(cell)));
        } else {
            panels.add(panel(style, set.measurements, fits));
        }
        String title = "Nyquist · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, Grids.columnsFor(panels.size()), panels, in.spectrumKeys(set, fits));
    }

    private static Panel panel(Style style, List<SpectrumSet.Measurement> measurements,
                               List<FitOverlay.Fitted> fits) {
        Panel p = new Panel(style, "Re Z (Ω)", "−Im Z (Ω)", false, false).equalAspect();
        p.markerSize(style.px(measurements.size() > 8 ? 5 : 6));
        double width = measurements.size() > 12 ? 1.0 : 1.4;
        for (SpectrumSet.Measurement m : measurements) {
            List<ImpedancePoint> points = m.spectrum().points();
            double[] re = points.stream().mapToDouble(ImpedancePoint::zRealOhm).toArray();
            double[] negIm = points.stream().mapToDouble(z -> -z.zImagOhm()).toArray();
            FitOverlay.Fitted fit = fits.stream().filter(f -> f.measurement() == m).findFirst().orElse(null);
            if (fit == null) {
                p.lineAndMarkers(re, negIm, m.colour(), width, CellLooks.marker(m.cellIndex()));
            } else {
                // measured points alone, the fitted circuit's curve through them
                p.markers(re, negIm, m.colour(), CellLooks.marker(m.cellIndex()));
                p.line(fit.real(), fit.negativeImaginary(), m.colour(), width);
            }
        }
        Extent x = p.xData();
        Extent y = p.yData();
        p.xRange(AxisRange.around(Math.min(0, x.lo()), x.hi(), false));
        p.yRange(AxisRange.around(Math.min(0, y.lo()), y.hi(), false));
        return p;
    }

    /** True when the cells' largest Re Z differ by more than {@link #SCALES_APART}. */
    static boolean scalesApart(Map<String, List<SpectrumSet.Measurement>> byCell) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (List<SpectrumSet.Measurement> ms : byCell.values()) {
            double largest = ms.stream().flatMap(m -> m.spectrum().points().stream())
                    .mapToDouble(ImpedancePoint::modulusOhm).max().orElse(Double.NaN);
            if (largest > 0) {
                lo = Math.min(lo, largest);
                hi = Math.max(hi, largest);
            }
        }
        return hi > SCALES_APART * lo;
    }
}
