package io.cellbench.impedance.drt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.SimulatedSpectra;
import org.junit.jupiter.api.Test;

/**
 * The τ grid and the kernels at a sweep's frequencies are kept between DRTs (RbfBasis): a DRT
 * must come out the same to the last bit whatever was analysed before it, so kept values are
 * never those of another sweep. Two sweeps over the same range (one grid) but at different
 * frequencies (different kernels), analysed in turn, each give their first result again.
 */
class DrtGridReuseTest {

    @Test
    void aDrtIsTheSameWhateverWasAnalysedBeforeIt() {
        MeasuredSpectrum all = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 50e6, "reuse");
        MeasuredSpectrum thinned = thinned(all);
        assertEquals(all.frequencyHz(0), thinned.frequencyHz(0));
        assertEquals(all.frequencyHz(all.size() - 1), thinned.frequencyHz(thinned.size() - 1));

        DrtResult first = DrtAnalysis.analyse(all);
        DrtResult thinnedFirst = DrtAnalysis.analyse(thinned);
        DrtResult again = DrtAnalysis.analyse(all);
        DrtResult thinnedAgain = DrtAnalysis.analyse(thinned);

        assertEquals(first, again);
        assertEquals(thinnedFirst, thinnedAgain);
        assertEquals(first.tauSecond(), thinnedFirst.tauSecond(), "one range, one grid");
        assertNotEquals(first.gammaOhm(), thinnedFirst.gammaOhm(), "different points, a different DRT");
        assertTrue(thinnedFirst.rmsRelativeResidual() < 2 * first.rmsRelativeResidual(),
                "the thinned sweep's DRT fits it as well: " + thinnedFirst.rmsRelativeResidual() + " against "
                        + first.rmsRelativeResidual());
    }

    @Test
    void theKernelsKeptAreThoseOfTheFrequenciesAskedFor() {
        MeasuredSpectrum all = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 50e6, "reuse");
        MeasuredSpectrum thinned = thinned(all);
        RbfBasis basis = RbfBasis.forSweep(all.frequencyHz(all.size() - 1), all.frequencyHz(0),
                DrtOptions.defaults());
        double[][] ofAll = basis.kernels(omegas(all)).clone();
        double[][] ofThinned = basis.kernels(omegas(thinned));
        assertEquals(thinned.size(), ofThinned.length);
        for (int i = 0; i < thinned.size(); i++) {
            int source = i == thinned.size() - 1 ? all.size() - 1 : 2 * i;
            assertArrayEquals(ofAll[source], ofThinned[i], "point " + i);
        }
        assertArrayEquals(ofAll[1], basis.kernels(omegas(all))[1], "asked for again");
    }

    /**
     * What a grid keeps (kernels, penalty, the Gaussians' values) is what a grid made afresh
     * computes, to the last bit: a DRT from a warm grid is the DRT from a cold one, so a run's fits
     * equal {@code data eis --fit} on the same sweep whatever either analysed before.
     */
    @Test
    void aKeptGridHoldsWhatANewGridComputes() {
        MeasuredSpectrum sweep = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 40e6, "warm");
        DrtAnalysis.analyse(sweep);
        DrtAnalysis.analyse(SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 70e6, "warm"));
        double fMin = sweep.frequencyHz(sweep.size() - 1);
        double fMax = sweep.frequencyHz(0);
        RbfBasis kept = RbfBasis.forSweep(fMin, fMax, DrtOptions.defaults());
        RbfBasis fresh = RbfBasis.build(fMin, fMax, DrtOptions.defaults());
        assertNotSame(kept, fresh);
        assertTrue(java.util.Arrays.deepEquals(fresh.penalty(), kept.penalty()), "penalty");
        assertTrue(java.util.Arrays.deepEquals(fresh.kernels(omegas(sweep)), kept.kernels(omegas(sweep))), "kernels");
        assertTrue(java.util.Arrays.deepEquals(fresh.centreValues(), kept.centreValues()), "values at the centres");
        assertTrue(java.util.Arrays.deepEquals(fresh.fineValues(10), kept.fineValues(10)), "values between them");
    }

    private static double[] omegas(MeasuredSpectrum s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = 2 * Math.PI * s.frequencyHz(i);
        }
        return out;
    }

    /** Every point but the middle ones at odd positions: the same first and last frequency. */
    private static MeasuredSpectrum thinned(MeasuredSpectrum s) {
        int n = s.size();
        int kept = 0;
        double[] f = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            if (i == 0 || i == n - 1 || i % 2 == 0) {
                f[kept] = s.frequencyHz(i);
                re[kept] = s.real(i);
                im[kept] = s.imag(i);
                kept++;
            }
        }
        return MeasuredSpectrum.of(java.util.Arrays.copyOf(f, kept), java.util.Arrays.copyOf(re, kept),
                java.util.Arrays.copyOf(im, kept));
    }
}
