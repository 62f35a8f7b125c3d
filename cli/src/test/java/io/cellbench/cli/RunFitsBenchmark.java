package io.cellbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What fitting every sweep during a run costs: one simulated coin cell, N cycles at 1C with a
 * 71-point sweep (1 MHz → 100 mHz) after each, run at full virtual speed twice, without and with
 * {@code --fit} (the bundled 9-parameter circuit, its Lin-KK test and DRT). The run's wall time
 * with fits includes waiting for the last fits at the end. At full virtual speed the run itself
 * is CPU-bound, so this is the worst case; a run in real time spends the fits' CPU while waiting.
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
        Path inputs = dir.resolve("inputs");
        Files.createDirectories(inputs);
        Files.writeString(inputs.resolve("protocol.yaml"), """
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
                """.formatted(cycles));
        Files.writeString(inputs.resolve("schedule.yaml"), """
                name: one coin
                cells:
                  - id: coin-1
                    format: coin
                    chemistry: NMC811 | Li6PS5Cl | Li-In
                    nominal_capacity: 2 mAh
                    protocol: protocol.yaml
                    simulation: {preset: coin, seed: 1}
                """);
        String schedule = inputs.resolve("schedule.yaml").toString();
        // warm-up: class loading and JIT for both paths
        time(schedule, dir.resolve("warm-plain"), false);
        time(schedule, dir.resolve("warm-fits"), true);
        double plain = time(schedule, dir.resolve("plain"), false);
        double fitted = time(schedule, dir.resolve("fits"), true);
        double plain2 = time(schedule, dir.resolve("plain2"), false);
        double fitted2 = time(schedule, dir.resolve("fits2"), true);
        double base = Math.min(plain, plain2);
        double with = Math.min(fitted, fitted2);
        System.out.printf(Locale.ROOT, "%d cycles, %d sweeps of 71 points: without fits %.1f s (%.1f, %.1f), "
                        + "with fits %.1f s (%.1f, %.1f): +%.1f %% (best against best), %.1f ms per sweep%n",
                cycles, cycles, base, plain, plain2, with, fitted, fitted2, 100 * (with - base) / base,
                1000 * (with - base) / cycles);
    }

    private static double time(String schedule, Path out, boolean fits) {
        long t0 = System.nanoTime();
        Console c = fits ? Console.run("run", schedule, "--simulate", "--fit", "--out", out.toString())
                : Console.run("run", schedule, "--simulate", "--out", out.toString());
        double s = (System.nanoTime() - t0) * 1e-9;
        if (c.exitCode() != 0) {
            throw new IllegalStateException("run failed: " + c.err());
        }
        return s;
    }
}
