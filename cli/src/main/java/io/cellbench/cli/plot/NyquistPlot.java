package io.cellbench.cli.plot;

import io.cellbench.core.instrument.ImpedancePoint;
import java.util.List;

/**
 * −Im Z against Re Z, one curve per spectrum, with an ohm as long on both axes (a semicircle
 * must look like one) and the origin in view, so the high-frequency intercept reads as the
 * cell's ohmic resistance.
 */
final class NyquistPlot {
    private NyquistPlot() {
    }

    static Figure build(PlotInput in) throws java.io.IOException {
        SpectrumSet set = SpectrumSet.read(in);
        Style style = in.style();
        Panel p = new Panel(style, "Re Z (Ω)", "−Im Z (Ω)", false, false).equalAspect();
        p.markerSize(style.px(set.measurements.size() > 8 ? 5 : 6));
        double width = set.measurements.size() > 12 ? 1.0 : 1.4;
        for (SpectrumSet.Measurement m : set.measurements) {
            List<ImpedancePoint> points = m.spectrum().points();
            double[] re = points.stream().mapToDouble(ImpedancePoint::zRealOhm).toArray();
            double[] negIm = points.stream().mapToDouble(z -> -z.zImagOhm()).toArray();
            p.lineAndMarkers(re, negIm, set.colours.colour(m.level()), width, CellLooks.marker(m.cellIndex()));
        }
        Extent x = p.xData();
        Extent y = p.yData();
        p.xRange(AxisRange.around(Math.min(0, x.lo()), x.hi(), false));
        p.yRange(AxisRange.around(Math.min(0, y.lo()), y.hi(), false));
        String title = "Nyquist · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, 1, List.of(p), set.keys());
    }
}
