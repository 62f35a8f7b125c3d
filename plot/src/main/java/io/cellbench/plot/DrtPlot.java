package io.cellbench.plot;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.drt.DrtAnalysis;
import io.cellbench.impedance.drt.DrtResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.markers.TriangleDown;

/**
 * The distribution of relaxation times of each spectrum, γ against τ (log), one curve per
 * spectrum with its peaks marked: each peak is one relaxation (bulk, grain boundaries, an
 * interface) and the key gives the last spectrum's peaks as time constant and resistance, the
 * same DRT {@code data eis --drt} reports (docs/impedance.md, "Reading a DRT").
 */
final class DrtPlot {
    /** The key lists the peaks of the last spectrum, at most this many. */
    static final int KEY_PEAKS = 6;

    private DrtPlot() {
    }

    /** One spectrum's DRT as drawn. */
    record Distribution(SpectrumSet.Measurement measurement, DrtResult drt) {
        double[] tau() {
            return drt.tauSecond().stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] gamma() {
            return drt.gammaOhm().stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] peakTau() {
            return drt.peaks().stream().mapToDouble(DrtResult.Peak::tauSecond).toArray();
        }

        double[] peakGamma() {
            return drt.peaks().stream().mapToDouble(DrtResult.Peak::gammaOhm).toArray();
        }
    }

    static Figure build(PlotInput in) throws IOException {
        SpectrumSet set = SpectrumSet.read(in);
        Style style = in.style();
        List<Distribution> distributions = distributions(set.measurements, in);
        Panel p = new Panel(style, "τ (s)", "γ (Ω)", true, false).rangeNames("gamma");
        p.markerSize(style.px(9));
        double width = set.measurements.size() > 12 ? 1.0 : 1.4;
        for (Distribution d : distributions) {
            p.line(d.tau(), d.gamma(), d.measurement().colour(), width);
            p.markers(d.peakTau(), d.peakGamma(), d.measurement().colour(), PEAK);
        }
        p.xRange(AxisRange.around(p.xData().lo(), p.xData().hi(), true));
        p.yRange(AxisRange.around(Math.min(0, p.yData().lo()), p.yData().hi(), false));
        List<Key> keys = new ArrayList<>(set.keys());
        keys.add(peakKey(distributions));
        String title = "DRT · " + in.cellList() + in.cycleSuffix();
        return new Figure(style, title, 1, List.of(p), keys);
    }

    static final TriangleDown PEAK = new TriangleDown();

    /** The DRT of every measurement; one that cannot be computed is said and left out. */
    static List<Distribution> distributions(List<SpectrumSet.Measurement> measurements, PlotInput in) {
        List<Distribution> out = new ArrayList<>();
        for (SpectrumSet.Measurement m : measurements) {
            try {
                out.add(new Distribution(m, DrtAnalysis.analyse(MeasuredSpectrum.of(m.spectrum()))));
            } catch (RuntimeException e) {
                in.notes().printf("plot: %s cycle %d: no DRT drawn (%s)%n", m.cell(), m.spectrum().cycleCount(),
                        e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new io.cellbench.core.UserError("no DRT could be computed from the chosen spectra of "
                    + in.cellList());
        }
        return out;
    }

    /** The last spectrum's peaks: "τ 1.2e-04 s · R 24.1 Ω", short to long τ. */
    static Key peakKey(List<Distribution> distributions) {
        Distribution last = distributions.getLast();
        List<Key.Entry> entries = new ArrayList<>();
        entries.add(new Key.Entry(last.measurement().cell() + ", cycle " + last.measurement().level().label(),
                Style.NEUTRAL, PEAK, false));
        last.drt().peaks().stream().limit(KEY_PEAKS).forEach(peak -> entries.add(new Key.Entry(
                String.format(Locale.ROOT, "τ %.3g s · R %.3g Ω", peak.tauSecond(), peak.resistanceOhm()),
                Style.NEUTRAL, null, false)));
        return new Key.Entries("Peaks", entries);
    }
}
