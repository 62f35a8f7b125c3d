package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes per-cycle summaries to an Arrow IPC stream file ({@code cycles.arrows}), one
 * one-row batch per cycle as it completes, so the file is current while the test runs.
 * Cycles are few (one every few hours), so the per-batch overhead does not matter.
 */
public final class ArrowCycleWriter implements AutoCloseable {

    private final ArrowTableWriter<CycleSummary> table;

    private ArrowCycleWriter(ArrowTableWriter<CycleSummary> table) {
        this.table = table;
    }

    /** Creates {@code file} (it must not exist) and writes the schema. */
    public static ArrowCycleWriter create(Path file, Map<String, String> runMetadata, ArrowWriteOptions options,
                                          BufferAllocator allocator) throws IOException {
        return new ArrowCycleWriter(ArrowTableWriter.create(file, CycleColumns.TABLE, runMetadata, options, allocator,
                1));
    }

    public void write(CycleSummary c) throws IOException {
        table.add(c);
        table.writeBatch();
    }

    public Path file() {
        return table.file();
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
