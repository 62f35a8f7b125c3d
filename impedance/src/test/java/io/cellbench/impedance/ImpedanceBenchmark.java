package io.cellbench.impedance;

import io.cellbench.impedance.drt.DrtAnalysis;
import io.cellbench.impedance.drt.DrtResult;
import io.cellbench.impedance.fit.CircuitFitter;
import io.cellbench.impedance.fit.FitResult;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.validation.LinKk;
import io.cellbench.impedance.validation.LinKkResult;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * How long the analyses of one spectrum take: the simulated coin cell's 71-point sweep
 * (1 MHz → 100 mHz) with the bundled 9-parameter circuit from its automatic guess, its Lin-KK
 * test and its DRT. Not run by the test suite (speed is a goal, not a pass condition); run it as
 * docs/impedance.md says. Goals: fit &lt; 20 ms, DRT &lt; 100 ms.
 */
public final class ImpedanceBenchmark {

    private ImpedanceBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        MeasuredSpectrum spectrum = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 50e6, "bench");
        System.out.println("spectrum: " + spectrum.size() + " points, circuit " + SolidStateCircuit.CIRCUIT);
        FitResult fit = time("fit (9 parameters, automatic guess)", rounds,
                () -> CircuitFitter.fit(spectrum, SolidStateCircuit.request()));
        System.out.printf("  %d starts, %d evaluations, rms residual %.4f%n", fit.starts(), fit.evaluations(),
                fit.rmsRelativeResidual());
        LinKkResult kk = time("Lin-KK (μ criterion, c = 0.85)", rounds, () -> LinKk.test(spectrum));
        System.out.println("  " + kk.verdict());
        LinKkResult judged = time("Lin-KK as a run judges a sweep", rounds, () -> ImpedanceAnalysis.validate(spectrum));
        System.out.println("  " + judged.verdict() + (judged.options().addCapacitance() ? ", with series C" : ""));
        DrtResult drt = time("DRT (L-curve λ, NNLS)", rounds, () -> DrtAnalysis.analyse(spectrum));
        System.out.printf("  λ = %.3g, %d peaks, %d τ points%n", drt.lambda(), drt.peaks().size(),
                drt.tauSecond().size());
    }

    private static <T> T time(String label, int rounds, Supplier<T> work) {
        T result = null;
        for (int i = 0; i < Math.max(20, rounds / 4); i++) {
            result = work.get();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            result = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-38s median %7.2f ms, 90th percentile %7.2f ms, best %7.2f ms (%d rounds)%n", label,
                ms[rounds / 2], ms[(int) (rounds * 0.9)], ms[0], rounds);
        return result;
    }
}
