package io.cellbench.daq.arrow;

import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one cell's samples to an Arrow IPC stream file ({@code samples.arrows}), columns as
 * in {@link SampleColumns}, the run's metadata as schema metadata.
 *
 * <p>Rows collect in one reused batch; the batch is written (and forced per the
 * {@link FsyncPolicy}) when it holds {@link ArrowWriteOptions#batchRows()} rows, when its rows
 * span {@link ArrowWriteOptions#maxBufferedSeconds()} of test time, and on {@link #flush()}.
 * {@link #close()} writes the end-of-stream marker. A stream file cannot be reopened for
 * appending: after a restart, write a new segment ({@link Segments#next}) and read all
 * segments in order. Not thread-safe: one writer per cell, used from that cell's thread.
 */
public final class ArrowSampleWriter implements AutoCloseable {

    private final ArrowTableWriter<Sample> table;
    private final int batchRows;
    private final double maxBufferedSeconds;
    private double firstBufferedTestTime;

    private ArrowSampleWriter(ArrowTableWriter<Sample> table, ArrowWriteOptions options) {
        this.table = table;
        this.batchRows = options.batchRows();
        this.maxBufferedSeconds = options.maxBufferedSeconds();
    }

    /**
     * Creates {@code file} (it must not exist) and writes the schema with {@code runMetadata}
     * as schema metadata. Memory comes from a child of {@code allocator}, freed on close.
     */
    public static ArrowSampleWriter create(Path file, Map<String, String> runMetadata, ArrowWriteOptions options,
                                           BufferAllocator allocator) throws IOException {
        return create(file, runMetadata, List.of(), options, allocator);
    }

    /**
     * The same with {@code aux} columns (float64) after the sample table's: an imported file's
     * auxiliary channels (temperatures, aux voltages ...), written by {@link #write(Sample, double[])}.
     */
    public static ArrowSampleWriter create(Path file, Map<String, String> runMetadata, List<Column> aux,
                                           ArrowWriteOptions options, BufferAllocator allocator) throws IOException {
        // a sample's 25 values in one call (SampleField.values), not a call through each column's definition
        return new ArrowSampleWriter(ArrowTableWriter.create(file, SampleColumns.TABLE, aux, runMetadata, options,
                allocator, options.batchRows()).withRowValues(SampleField::values), options);
    }

    /** Adds one row; writes the batch when it is full or spans the buffering time. */
    public void write(Sample s) throws IOException {
        write(s, NO_AUX);
    }

    private static final double[] NO_AUX = new double[0];

    /** Adds one row with its aux columns' values (in the order given at creation; NaN or missing: null). */
    public void write(Sample s, double[] aux) throws IOException {
        if (table.buffered() == batchRows) {
            flush(); // a previous flush failed: retry before the batch overflows
        }
        if (table.buffered() == 0) {
            firstBufferedTestTime = s.testTimeSecond();
        }
        table.add(s, aux);
        // The negated comparison also writes when a test time is NaN rather than holding rows.
        if (table.buffered() == batchRows || !(s.testTimeSecond() - firstBufferedTestTime < maxBufferedSeconds)) {
            flush();
        }
    }

    /** Writes the buffered rows (if any) as one batch and forces them per the fsync policy. */
    public void flush() throws IOException {
        table.writeBatch();
    }

    /** Rows written to the file so far (not counting rows still buffered). */
    public long rowsWritten() {
        return table.rowsWritten();
    }

    /** Rows buffered, not yet in the file. */
    public int rowsBuffered() {
        return table.buffered();
    }

    public long batchesWritten() {
        return table.batchesWritten();
    }

    /** Bytes in the file so far. */
    public long bytesWritten() {
        return table.bytesWritten();
    }

    public Path file() {
        return table.file();
    }

    /** Writes the buffered rows and the end-of-stream marker, then frees the memory. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            table.close();
        }
    }
}
