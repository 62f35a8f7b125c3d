package io.cellbench.drivers.testing;

import java.util.Arrays;

/**
 * A driver against the bare link beneath it, in alternating rounds so that load from other
 * processes on a shared machine hits both alike; the benchmarks print the median and the best
 * of each (they are not run by the suite and assert nothing about speed).
 */
public final class DriverVsBare {

    public static final int ROUNDS = 7;

    private DriverVsBare() {
    }

    /** One round of work. */
    @FunctionalInterface
    public interface Run {
        void run() throws Exception;
    }

    /** One round of work that returns its rate (things per second). */
    @FunctionalInterface
    public interface Rate {
        double measure() throws Exception;
    }

    /** Rates per second: the median and the best of the rounds, driver and bare link. */
    public record Rates(double driverMedian, double bareMedian, double driverBest, double bareBest) {
        public double driverOverBare() {
            return driverMedian / bareMedian;
        }
    }

    /** Warms both up with one round (JIT, simulator), then times rounds of {@code reads} reads each. */
    public static Rates compare(Run driver, Run bare, int reads) throws Exception {
        driver.run();
        bare.run();
        return alternate(() -> rate(driver, reads), () -> rate(bare, reads));
    }

    /** {@link #ROUNDS} rounds of each, alternating (warm-up is the caller's). */
    public static Rates alternate(Rate driver, Rate bare) throws Exception {
        double[] d = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            d[i] = driver.measure();
            b[i] = bare.measure();
        }
        Arrays.sort(d);
        Arrays.sort(b);
        return new Rates(d[ROUNDS / 2], b[ROUNDS / 2], d[ROUNDS - 1], b[ROUNDS - 1]);
    }

    private static double rate(Run run, int reads) throws Exception {
        long t0 = System.nanoTime();
        run.run();
        return reads / ((System.nanoTime() - t0) * 1e-9);
    }
}
