package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads samples back from one or more stream segments, in order, one batch in memory at a
 * time. A torn last batch in a segment (a crash) is skipped with a warning in the report.
 */
public final class ArrowSampleReader {

    private ArrowSampleReader() {
    }

    public static ReadReport read(List<Path> segments, BufferAllocator allocator, Consumer<Sample> consumer)
            throws IOException {
        return rows(segments, allocator, row -> consumer.accept(SampleField.sample(row)));
    }

    /**
     * Each row as a source positioned on it, valid only during the call ({@link SampleField#sample}
     * makes the sample of it): for readers that copy values out as they are (the exports), so
     * that tens of millions of rows need no record each.
     */
    public static ReadReport rows(List<Path> segments, BufferAllocator allocator, Consumer<ColumnSource> rows)
            throws IOException {
        return ArrowTableReader.read(segments, allocator, SampleColumns.TABLE, rows);
    }
}
