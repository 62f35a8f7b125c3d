package io.cellbench.cli;

import io.cellbench.testing.CoinSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What fitting every sweep during a run costs: one simulated coin cell, N cycles at 1C with a
 * 71-point sweep (1 MHz → 100 mHz) after each, run at full virtual speed twice, without and with
 * {@code --fit} (the bundled 9-parameter circuit, its Lin-KK test and DRT). The run's wall time
 * with fits includes waiting for the last fits at the end. At full virtual speed a cycle takes
 * milliseconds (mostly waiting on the disk), so this is the worst case; a run in real time spends
 * the fits' CPU while waiting.
 * Beside the wall time it prints the process's CPU time (all threads, GC and JIT included): on a
 * machine shared with other work the wall time depends on what else runs, the CPU time much less,
 * and the added CPU is the wall time the fits add when no core is free for them.
 * Prints figures; not part of the suite.
 *
 * <pre>
 * mvn -B -q -ntp test-compile -pl cli -am
 * java -cp "$(cat /tmp/cp.txt)" io.cellbench.cli.RunFitsBenchmark [cycles, default 1000]
 * </pre>
 */
public final class RunFitsBenchmark {

    private RunFitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("run-fits-benchmark");
        // the simulated coin cell of the tests' schedules (CoinSchedule), sweeping once per cycle
        String schedule = CoinSchedule.write(dir.resolve("inputs"), "one coin", List.of("coin-1"), """
                name: cycling with a sweep per cycle
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 60 s
                  voltage_change: 10 mV
                  sample_period: 1 s
                steps:
                  - Set pressure to 60 MPa and wait until stable
                  - Rest for 10 minutes
                  - Repeat %d times:
                      - Charge at 1C until 3.7 V
                      - Rest for 5 minutes
                      - Discharge at 1C until 1.9 V
                      - Rest for 5 minutes
                      - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
                """.formatted(cycles)).toString();
        // warm-up: class loading and JIT for both paths
        time(schedule, dir.resolve("warm-plain"), false);
        time(schedule, dir.resolve("warm-fits"), true);
        double[] plain = time(schedule, dir.resolve("plain"), false);
        double[] fitted = time(schedule, dir.resolve("fits"), true);
        double[] plain2 = time(schedule, dir.resolve("plain2"), false);
        double[] fitted2 = time(schedule, dir.resolve("fits2"), true);
        double base = Math.min(plain[0], plain2[0]);
        double with = Math.min(fitted[0], fitted2[0]);
        System.out.printf(Locale.ROOT, "%d cycles, %d sweeps of 71 points: without fits %.1f s (%.1f, %.1f), "
                        + "with fits %.1f s (%.1f, %.1f): +%.1f %% (best against best), %.1f ms per sweep%n",
                cycles, cycles, base, plain[0], plain2[0], with, fitted[0], fitted2[0], 100 * (with - base) / base,
                1000 * (with - base) / cycles);
        double baseCpu = Math.min(plain[1], plain2[1]);
        double withCpu = Math.min(fitted[1], fitted2[1]);
        System.out.printf(Locale.ROOT, "  CPU time: without fits %.1f s (%.1f, %.1f), with fits %.1f s (%.1f, %.1f): "
                        + "+%.1f %%, %.1f ms per sweep; load average %s%n",
                baseCpu, plain[1], plain2[1], withCpu, fitted[1], fitted2[1], 100 * (withCpu - baseCpu) / baseCpu,
                1000 * (withCpu - baseCpu) / cycles, loadAverage());
        // six runs of a 1,000-cycle schedule leave ~400 MB
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** {wall seconds, process CPU seconds} of one run. */
    private static double[] time(String schedule, Path out, boolean fits) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Console c = fits ? Console.run("run", schedule, "--simulate", "--fit", "--out", out.toString())
                : Console.run("run", schedule, "--simulate", "--out", out.toString());
        double s = (System.nanoTime() - t0) * 1e-9;
        double cpu = (os.getProcessCpuTime() - cpu0) * 1e-9;
        if (c.exitCode() != 0) {
            throw new IllegalStateException("run failed: " + c.err());
        }
        return new double[] {s, cpu};
    }
}
