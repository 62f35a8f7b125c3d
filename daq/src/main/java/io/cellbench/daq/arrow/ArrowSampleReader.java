package io.cellbench.daq.arrow;

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
        return ArrowTableReader.read(segments, allocator, SampleColumns.TABLE,
                row -> consumer.accept(SampleField.sample(row)));
    }
}
