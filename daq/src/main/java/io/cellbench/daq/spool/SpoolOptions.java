package io.cellbench.daq.spool;

import java.time.Duration;
import java.util.Objects;

/**
 * How a spool stores lines: when they are forced to disk and how large a segment file grows
 * before the next one starts.
 */
public record SpoolOptions(SpoolFsync fsync, Duration fsyncInterval, long segmentBytes) {

    public static final long DEFAULT_SEGMENT_BYTES = 8L << 20;
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);

    public SpoolOptions {
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(fsyncInterval, "fsyncInterval");
        if (fsyncInterval.isNegative() || fsyncInterval.isZero()) {
            throw new IllegalArgumentException("fsync interval must be > 0");
        }
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("segment size must be at least 1 KiB");
        }
    }

    public static SpoolOptions defaults() {
        return new SpoolOptions(SpoolFsync.INTERVAL, DEFAULT_FSYNC_INTERVAL, DEFAULT_SEGMENT_BYTES);
    }

    public SpoolOptions withFsync(SpoolFsync policy) {
        return new SpoolOptions(policy, fsyncInterval, segmentBytes);
    }

    public SpoolOptions withSegmentBytes(long bytes) {
        return new SpoolOptions(fsync, fsyncInterval, bytes);
    }
}
