package io.cellbench.daq.arrow;

import io.cellbench.core.data.DataColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Rows of a table whose columns are given as {@link DataColumn}s (the impedance fits and DRTs of
 * issue 16, whose columns depend on the circuit) into an Arrow IPC stream file, one batch per
 * {@link #write} call, forced per the fsync policy: an {@link ArrowTableWriter} given its rows a
 * batch at a time. Every column carries its unit and label
 * ({@link Column#of}); a float64 NaN is written as null. Not thread-safe.
 *
 * @param <R> the table's row
 */
public final class ArrowRowsFile<R> implements AutoCloseable {

    private final ArrowTableWriter<R> writer;

    private ArrowRowsFile(ArrowTableWriter<R> writer) {
        this.writer = writer;
    }

    /** Creates {@code file} (it must not exist) and writes the schema, with {@code metadata} as its metadata. */
    public static <R> ArrowRowsFile<R> create(Path file, List<? extends DataColumn<R>> columns,
                                              Map<String, String> metadata, ArrowWriteOptions options,
                                              BufferAllocator allocator) throws IOException {
        return new ArrowRowsFile<>(ArrowTableWriter.create(file, columns, metadata, options, allocator, 16));
    }

    /** Writes {@code batch} as one record batch (nothing for an empty list). */
    public void write(List<R> batch) throws IOException {
        for (R row : batch) {
            writer.add(row);
        }
        writer.writeBatch();
    }

    public long rows() {
        return writer.rowsWritten();
    }

    public Path file() {
        return writer.file();
    }

    /** Writes the end-of-stream marker and frees the memory. */
    @Override
    public void close() throws IOException {
        writer.close();
    }
}
