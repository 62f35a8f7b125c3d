package io.cellbench.impedance.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.ReferenceSpectra;
import io.cellbench.impedance.fit.Weighting;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

/** The DRT on spectra whose answer is exact: noise-free ZARCs, and pyDRTtools' one ZARC with a 5 µH lead. */
class SyntheticDrtTest {

    @Test
    void noiseFreeZarcsAreRecoveredExactly() {
        int n = 81;
        double[] f = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.pow(10, -2 + i * 0.1);
            double omega = 2 * Math.PI * f[i];
            Complex z = new Complex(10);
            for (double tau : new double[] {0.1, 1e-4}) {
                z = z.add(new Complex(0, omega * tau).pow(0.8).add(1).reciprocal().multiply(50));
            }
            re[i] = z.getReal();
            im[i] = z.getImaginary();
        }
        // a fixed, small λ: without noise nothing needs smoothing, and this checks the discretisation itself
        DrtResult drt = DrtAnalysis.analyse(MeasuredSpectrum.of(f, re, im), DrtOptions.defaults().withLambda(1e-4));
        TwoZarcDrtTest.print("noise-free", drt);
        assertEquals(2, drt.peaks().size());
        assertEquals(1e-4, drt.peaks().get(0).tauSecond(), 0.05e-4);
        assertEquals(0.1, drt.peaks().get(1).tauSecond(), 0.005);
        assertEquals(50, drt.peaks().get(0).resistanceOhm(), 1);
        assertEquals(50, drt.peaks().get(1).resistanceOhm(), 1);
        assertEquals(10, drt.rInfinityOhm(), 0.3);
    }

    /**
     * The simulated coin cell at 50 MPa: the DRT shows the grain-boundary arc (τ near 1/(2π·300 kHz))
     * and the interface arc (τ = (R·Q)^(1/n)), and the diffusion tail piles up at the long-τ end.
     */
    @Test
    void simulatedCellShowsItsTwoArcs() {
        io.cellbench.fixtures.cell.SimulatedCell cell = io.cellbench.impedance.SimulatedSpectra.coinCell();
        MeasuredSpectrum spectrum = io.cellbench.impedance.SimulatedSpectra.measure(cell, 50e6, "eis-drt");
        DrtResult drt = DrtAnalysis.analyse(spectrum);
        TwoZarcDrtTest.print("simulated coin cell, 50 MPa", drt);
        var q = cell.parameters().cathodeInterface();
        double interfaceTau = Math.pow(cell.interfaceResistanceOhm() * q.cpeQ(), 1 / q.cpeExponent());
        DrtResult.Peak gb = drt.peaks().getFirst();
        assertEquals(1 / (2 * Math.PI * 3e5), gb.tauSecond(), 0.25 / (2 * Math.PI * 3e5), "grain-boundary τ");
        DrtResult.Peak in = drt.peaks().stream().filter(p -> p.tauSecond() > 1e-5 && p.tauSecond() < 0.1)
                .max(java.util.Comparator.comparingDouble(DrtResult.Peak::resistanceOhm)).orElseThrow();
        assertEquals(interfaceTau, in.tauSecond(), 0.25 * interfaceTau, "interface τ");
        assertEquals(cell.seriesResistanceOhm(), drt.rInfinityOhm(), 0.05 * cell.seriesResistanceOhm(), "R∞");
    }

    @Test
    void oneZarcWithALeadInductance() {
        DrtResult drt = DrtAnalysis.analyse(ReferenceSpectra.pyDrtTools("data/1ZARC.csv"),
                DrtOptions.defaults().withWeighting(Weighting.UNIT));
        TwoZarcDrtTest.print("1ZARC", drt);
        assertEquals(5e-6, drt.inductanceHenry(), 0.25e-6, "L");
        DrtResult.Peak main = drt.peaks().stream().max(java.util.Comparator.comparingDouble(DrtResult.Peak::resistanceOhm))
                .orElseThrow();
        assertEquals(0.1, main.tauSecond(), 0.01);
        assertEquals(50, main.resistanceOhm(), 2.5);
    }
}
