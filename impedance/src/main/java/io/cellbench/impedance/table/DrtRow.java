package io.cellbench.impedance.table;

import io.cellbench.core.data.Spectrum;
import io.cellbench.impedance.drt.DrtResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sweep's distribution of relaxation times: a row of {@code drt.arrows}. The row
 * nearest a peak in log τ carries that peak ({@code peak}, else null), so one table holds both
 * the curve to plot and the peaks to read; {@code data eis --drt} prints the peak rows.
 *
 * @param spectrumIndex the sweep's {@code spectrum_index} in spectra.arrows
 * @param spectrum      the sweep, with where in the test it was taken
 * @param drt           the sweep's DRT
 * @param tauIndex      the row's point of the τ grid
 * @param peak          the peak nearest this point, or null
 */
public record DrtRow(int spectrumIndex, Spectrum spectrum, DrtResult drt, int tauIndex, DrtResult.Peak peak)
        implements SweepRow {

    /** Every point of the τ grid, short to long τ. */
    public static List<DrtRow> rows(int spectrumIndex, Spectrum spectrum, DrtResult drt) {
        int n = drt.tauSecond().size();
        DrtResult.Peak[] at = new DrtResult.Peak[n];
        for (DrtResult.Peak p : drt.peaks()) {
            at[nearest(drt.tauSecond(), p.tauSecond())] = p;
        }
        List<DrtRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new DrtRow(spectrumIndex, spectrum, drt, i, at[i]));
        }
        return rows;
    }

    /** One row per peak, short to long τ. */
    public static List<DrtRow> peaks(int spectrumIndex, Spectrum spectrum, DrtResult drt) {
        return rows(spectrumIndex, spectrum, drt).stream().filter(r -> r.peak() != null).toList();
    }

    double tauSecond() {
        return drt.tauSecond().get(tauIndex);
    }

    double gammaOhm() {
        return drt.gammaOhm().get(tauIndex);
    }

    double ofPeak(java.util.function.ToDoubleFunction<DrtResult.Peak> figure) {
        return peak == null ? Double.NaN : figure.applyAsDouble(peak);
    }

    private static int nearest(List<Double> grid, double tau) {
        int best = 0;
        for (int i = 1; i < grid.size(); i++) {
            if (Math.abs(Math.log(grid.get(i) / tau)) < Math.abs(Math.log(grid.get(best) / tau))) {
                best = i;
            }
        }
        return best;
    }
}
