package io.cellbench.cli;

import io.cellbench.testing.CoinSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What fitting every sweep during a run costs: one simulated coin cell, N cycles at 1C with a
 * 71-point sweep (1 MHz → 100 mHz) after each, run at full virtual speed without and with
 * {@code --fit} (the bundled 9-parameter circuit, its Lin-KK test and DRT), after one warm-up
 * run of each: R rounds, each one run without and one with fits, interleaved so that both meet
 * the same load. The run's wall time with fits includes waiting for the last fits at the end. At
 * full virtual speed a cycle takes milliseconds (mostly waiting on the disk), so this is the
 * worst case; a run in real time spends the fits' CPU while waiting.
 * Beside the wall time it prints the process's CPU time (all threads, GC and JIT included) and
 * the part of it spent by the run's own threads (the threads alive at its end other than the
 * JVM's compiler and GC threads and the fits thread): on a machine shared with
 * other work the wall time depends on what else runs, the CPU time much less. The load average
 * (1, 5, 15 minutes) is printed before each round.
 * Prints figures; not part of the suite.
 *
 * <pre>
 * mvn -B -q -ntp test-compile dependency:build-classpath -pl cli -am -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "cli/target/test-classes:cli/target/classes:$(cat /tmp/cp.txt)" \
 *      io.cellbench.cli.RunFitsBenchmark [cycles, default 1000] [rounds, default 5]
 * </pre>
 */
public final class RunFitsBenchmark {

    /**
     * Threads not the run's: the JVM's own, and the fits thread, which may still be exiting when
     * the run returns (names as the kernel keeps them, 15 characters at most).
     */
    private static final java.util.regex.Pattern NOT_THE_RUNS = java.util.regex.Pattern.compile(
            "(C1 |C2 |GC |G1 |VM |Parallel|Sweeper|Service Thread|Monitor Deflati|Common-Cleaner|Reference Handl"
                    + "|Finalizer|Signal Dispatch|Notification|Attach Listener|impedance-fits).*");

    private RunFitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
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
        double[][] plain = new double[rounds][];
        double[][] fitted = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            String load = loadAverage();
            plain[r] = time(schedule, dir.resolve("plain"), false);
            fitted[r] = time(schedule, dir.resolve("fits"), true);
            System.out.printf(Locale.ROOT, "round %d (load %s): without fits %.1f s, CPU %.2f s (run's threads %.2f);"
                            + " with fits %.1f s, CPU %.2f s (run's threads %.2f)%n", r + 1, load,
                    plain[r][0], plain[r][1], plain[r][2], fitted[r][0], fitted[r][1], fitted[r][2]);
            delete(dir.resolve("plain"));
            delete(dir.resolve("fits"));
        }
        System.out.printf(Locale.ROOT, "%d cycles, %d sweeps of 71 points, %d rounds; load %s at the end%n",
                cycles, cycles, rounds, loadAverage());
        String[] what = {"wall time", "process CPU", "run's threads' CPU"};
        for (int k = 0; k < what.length; k++) {
            double[] a = column(plain, k);
            double[] b = column(fitted, k);
            System.out.printf(Locale.ROOT, "  %-19s without fits min %.2f s, median %.2f s; with fits min %.2f s, "
                            + "median %.2f s: %+.1f %% (min), %+.1f %% (median), %+.2f ms per sweep (median)%n",
                    what[k], a[0], median(a), b[0], median(b), 100 * (b[0] - a[0]) / a[0],
                    100 * (median(b) - median(a)) / median(a), 1000 * (median(b) - median(a)) / cycles);
        }
        // a round's two runs follow each other, so they share what else the machine was doing then
        double[] paired = java.util.stream.IntStream.range(0, rounds)
                .mapToDouble(r -> 100 * (fitted[r][0] - plain[r][0]) / plain[r][0]).sorted().toArray();
        System.out.printf(Locale.ROOT, "  wall time, round by round: median %+.1f %% (from %+.1f to %+.1f %%)%n",
                median(paired), paired[0], paired[rounds - 1]);
        delete(dir);
    }

    /** Column {@code k} of the rounds, sorted. */
    private static double[] column(double[][] rounds, int k) {
        return java.util.Arrays.stream(rounds).mapToDouble(r -> r[k]).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A run's directory (a 1,000-cycle run leaves ~65 MB). */
    private static void delete(Path dir) throws java.io.IOException {
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

    /** {wall seconds, process CPU seconds, run's threads' CPU seconds} of one run. */
    private static double[] time(String schedule, Path out, boolean fits) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.util.Map<String, Long> threads0 = threadTicks();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Console c = fits ? Console.run("run", schedule, "--simulate", "--fit", "--out", out.toString())
                : Console.run("run", schedule, "--simulate", "--out", out.toString());
        double s = (System.nanoTime() - t0) * 1e-9;
        double cpu = (os.getProcessCpuTime() - cpu0) * 1e-9;
        long runTicks = 0;
        for (var t : threadTicks().entrySet()) {
            runTicks += t.getValue() - threads0.getOrDefault(t.getKey(), 0L);
        }
        if (c.exitCode() != 0) {
            throw new IllegalStateException("run failed: " + c.err());
        }
        return new double[] {s, cpu, runTicks / 100.0};
    }

    /**
     * User + system CPU of each live thread of the run, in clock ticks (1/100 s), by the
     * kernel's thread id: /proc/self/task/TID/stat, fields 14 and 15.
     */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (NOT_THE_RUNS.matcher(Files.readString(task.resolve("comm")).trim()).matches()) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName().toString(), Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]));
                } catch (java.io.IOException e) {
                    // the thread ended while being read
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no /proc/self/task (the run's threads are measured on Linux)", e);
        }
        return ticks;
    }
}
