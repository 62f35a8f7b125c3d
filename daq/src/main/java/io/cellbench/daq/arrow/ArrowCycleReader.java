package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/** Reads per-cycle summaries back from {@code cycles.arrows}. */
public final class ArrowCycleReader {

    private ArrowCycleReader() {
    }

    public static ReadReport read(Path file, BufferAllocator allocator, Consumer<CycleSummary> consumer)
            throws IOException {
        return ArrowTableReader.read(List.of(file), allocator, CycleColumns.TABLE,
                row -> consumer.accept(CycleField.summary(row)));
    }
}
