package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads per-cycle summaries back from {@code cycles.arrows}. */
public final class ArrowCycleReader {

    private ArrowCycleReader() {
    }

    public static ReadReport read(Path file, BufferAllocator allocator, Consumer<CycleSummary> consumer)
            throws IOException {
        return ArrowStreamScan.read(List.of(file), allocator, (root, f) -> deliver(root, consumer));
    }

    private static void deliver(VectorSchemaRoot root, Consumer<CycleSummary> consumer) {
        ColumnValues.Ints cycleCount = ColumnValues.ints(root, CycleColumns.CYCLE_COUNT);
        List<Column> valueColumns = CycleColumns.ALL.subList(1, CycleColumns.ALL.size());
        List<ColumnValues.Doubles> values = valueColumns.stream().map(c -> ColumnValues.doubles(root, c)).toList();
        for (int i = 0; i < root.getRowCount(); i++) {
            double[] row = new double[values.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = values.get(c).get(i);
            }
            consumer.accept(CycleColumns.summary(cycleCount.get(i), row));
        }
    }
}
