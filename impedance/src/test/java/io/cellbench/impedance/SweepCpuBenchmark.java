package io.cellbench.impedance;

import io.cellbench.impedance.drt.DrtAnalysis;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.fit.SolidStateCircuit;
import io.cellbench.impedance.validation.LinKkResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU time of analysing one sweep as a run does after each EIS step (Lin-KK as a run judges
 * it, the circuit fit it judges, the DRT), measured with the thread's CPU clock so that other work
 * on a shared machine does not count. The sweeps are distinct (pressures 20 → 80 MPa, each through
 * its own analyser and so with its own noise) on the same frequencies, as a run's are: anything
 * kept from one sweep to the next is used as a run would use it. Prints figures; not part of the
 * suite. Run as docs/impedance.md says, with [sweeps, default 200] [rounds, default 5].
 */
public final class SweepCpuBenchmark {

    private SweepCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<MeasuredSpectrum> sweeps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sweeps.add(SimulatedSpectra.measure(SimulatedSpectra.coinCell(), 20e6 + 60e6 * i / count, "bench-" + i));
        }
        FitRequest request = SolidStateCircuit.request();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round <= rounds; round++) {
            long kk = 0;
            long fit = 0;
            long drt = 0;
            for (MeasuredSpectrum sweep : sweeps) {
                long t0 = threads.getCurrentThreadCpuTime();
                LinKkResult validity = ImpedanceAnalysis.validate(sweep);
                long t1 = threads.getCurrentThreadCpuTime();
                ImpedanceAnalysis.fit(sweep, request, validity);
                long t2 = threads.getCurrentThreadCpuTime();
                DrtAnalysis.analyse(sweep);
                long t3 = threads.getCurrentThreadCpuTime();
                kk += t1 - t0;
                fit += t2 - t1;
                drt += t3 - t2;
            }
            System.out.printf(Locale.ROOT, "%s %d sweeps: CPU per sweep %.2f ms (Lin-KK %.2f, fit %.2f, DRT %.2f); load %s%n",
                    round == 0 ? "warm-up" : "round " + round, count, (kk + fit + drt) / 1e6 / count,
                    kk / 1e6 / count, fit / 1e6 / count, drt / 1e6 / count, load());
        }
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
