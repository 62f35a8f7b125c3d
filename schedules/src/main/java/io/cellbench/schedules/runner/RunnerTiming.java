package io.cellbench.schedules.runner;

/**
 * A measurement hook for benchmarks: how late each sample is taken against the time the
 * sampling grid planned for it. Nothing is installed in normal use; then the cost is one
 * static load and a null check per sample.
 */
public final class RunnerTiming {

    /** Hears every sample's lateness, from every runner thread at once: keep it cheap and thread-safe. */
    @FunctionalInterface
    public interface Probe {
        /**
         * @param plannedUnixSecond when the sample was due (the grid point, or a time limit)
         * @param takenUnixSecond   when the clock said it was taken
         */
        void sampled(double plannedUnixSecond, double takenUnixSecond);
    }

    private static volatile Probe probe;

    private RunnerTiming() {
    }

    /** Installs {@code p} for every runner of the process; {@code null} removes it. */
    public static void install(Probe p) {
        probe = p;
    }

    static Probe probe() {
        return probe;
    }
}
