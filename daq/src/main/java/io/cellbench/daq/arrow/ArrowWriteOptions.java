package io.cellbench.daq.arrow;

import java.util.Objects;

/**
 * How the Arrow writers batch, compress and force their output.
 *
 * @param batchRows           rows buffered before a record batch is written (default 1,024)
 * @param maxBufferedSeconds  a batch is also written once the buffered rows span this much
 *                            test time, so a slow-logging cell (one point per second or
 *                            less) never keeps minutes of data in memory; this bounds what a
 *                            killed process can lose (default 30 s)
 * @param compression         buffer compression (default none, which every Arrow reader opens)
 * @param fsync               when to force written batches to disk (default every batch)
 */
public record ArrowWriteOptions(int batchRows, double maxBufferedSeconds, ArrowCompression compression,
                                FsyncPolicy fsync) {

    public static final int DEFAULT_BATCH_ROWS = 1_024;
    public static final double DEFAULT_MAX_BUFFERED_SECONDS = 30.0;
    public static final ArrowWriteOptions DEFAULTS = new ArrowWriteOptions(
            DEFAULT_BATCH_ROWS, DEFAULT_MAX_BUFFERED_SECONDS, ArrowCompression.NONE, FsyncPolicy.EVERY_BATCH);

    public ArrowWriteOptions {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batch rows must be >= 1, got " + batchRows);
        }
        if (!(maxBufferedSeconds > 0)) {
            throw new IllegalArgumentException("max buffered seconds must be > 0, got " + maxBufferedSeconds);
        }
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(fsync, "fsync");
    }

    public ArrowWriteOptions withBatchRows(int rows) {
        return new ArrowWriteOptions(rows, maxBufferedSeconds, compression, fsync);
    }

    public ArrowWriteOptions withMaxBufferedSeconds(double seconds) {
        return new ArrowWriteOptions(batchRows, seconds, compression, fsync);
    }

    public ArrowWriteOptions withCompression(ArrowCompression codec) {
        return new ArrowWriteOptions(batchRows, maxBufferedSeconds, codec, fsync);
    }

    public ArrowWriteOptions withFsync(FsyncPolicy policy) {
        return new ArrowWriteOptions(batchRows, maxBufferedSeconds, compression, policy);
    }
}
