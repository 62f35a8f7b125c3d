package io.cellbench.daq.influx;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delays between retries: doubling from {@code initial} up to {@code max}, each drawn at
 * random from the upper half of that step ("equal jitter"), so that many cellbench
 * processes that lost the same server do not all come back in the same millisecond.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int failures;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt, after one more failure. */
    Duration next() {
        long ceiling = initialMillis << Math.min(failures, 40);
        if (ceiling <= 0 || ceiling > maxMillis) {
            ceiling = maxMillis;
        }
        failures++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
