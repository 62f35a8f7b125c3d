package io.cellbench.schedules.execution;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations in microseconds, recorded from many threads without locks: 1 µs buckets up to
 * 100 ms, 1 ms buckets up to 100 s (longer ones count as 100 s).
 */
final class MicrosHistogram {
    private static final int FINE = 100_000;
    private final AtomicLongArray counts = new AtomicLongArray(2 * FINE);

    void record(long micros) {
        long v = Math.max(0, micros);
        int bucket = v < FINE ? (int) v : FINE + (int) Math.min(v / 1000, FINE - 1);
        counts.incrementAndGet(bucket);
    }

    long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The smallest recorded value (bucket) at or below which {@code fraction} of the values lie, in µs. */
    long percentile(double fraction) {
        long total = count();
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank && seen > 0) {
                return i < FINE ? i : (long) (i - FINE) * 1000;
            }
        }
        return 0;
    }
}
