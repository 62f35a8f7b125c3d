package io.cellbench.core.time;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delays between retries, the one rule of cellbench: doubling from {@code first} up to
 * {@code max}, each shortened at random by up to half ("equal jitter"), so that many cells or
 * processes that lost the same instrument or server do not all come back in the same instant.
 * Used by the runner's read retries (seeded by the cell id: a rerun retries at the same times),
 * the switch-off retries of a channel whose output is in doubt, the InfluxDB writer, and
 * (without jitter, so that the delays an operator is told are exact) the notifiers.
 *
 * <p>Not thread-safe: each retrying loop owns one.
 */
public final class Backoff {
    private final double firstSecond;
    private final double maxSecond;
    /** Null: no jitter, every delay is the ceiling itself. */
    private final RandomGenerator random;
    private int failures;

    /**
     * @param firstSecond the ceiling of the first delay, s ({@code > 0})
     * @param maxSecond   the largest ceiling, s (at least {@code firstSecond})
     * @param random      draws the jitter; null for none
     */
    public Backoff(double firstSecond, double maxSecond, RandomGenerator random) {
        if (!(firstSecond > 0) || !(maxSecond >= firstSecond)) {
            throw new IllegalArgumentException("back-offs must satisfy 0 < first ≤ max, got " + firstSecond + " s and "
                    + maxSecond + " s");
        }
        this.firstSecond = firstSecond;
        this.maxSecond = maxSecond;
        this.random = random;
    }

    /** As {@link #Backoff(double, double, RandomGenerator)}; a first delay under 1 ms counts as 1 ms. */
    public Backoff(Duration first, Duration max, RandomGenerator random) {
        this(atLeastMilli(first), Math.max(atLeastMilli(first), seconds(max)), Objects.requireNonNull(random, "random"));
    }

    /** Exact doubling, no jitter: the delays a notifier announces are the delays it waits. */
    public static Backoff withoutJitter(Duration first, Duration max) {
        return new Backoff(seconds(first), Math.max(seconds(first), seconds(max)), null);
    }

    /**
     * The delay before the next attempt, after one more failure, s: {@code min(max,
     * first·2^failures)}, times {@code 1 − 0.5·u} for a uniform {@code u} in [0, 1) when jittered.
     */
    public double nextSecond() {
        double ceiling = Math.min(maxSecond, firstSecond * Math.pow(2, Math.min(failures, 30)));
        failures++;
        return random == null ? ceiling : ceiling * (1 - 0.5 * random.nextDouble());
    }

    /** {@link #nextSecond()} as a Duration (to the nanosecond). */
    public Duration next() {
        return Duration.ofNanos(Math.round(nextSecond() * 1e9));
    }

    /** After a success: the next delay is the first again. */
    public void reset() {
        failures = 0;
    }

    /** Failures since the last {@link #reset()}: how many delays were drawn. */
    public int failures() {
        return failures;
    }

    private static double atLeastMilli(Duration d) {
        return Math.max(0.001, seconds(d));
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
