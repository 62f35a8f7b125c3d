package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes per-cycle summaries to an Arrow IPC stream file ({@code cycles.arrows}), one
 * one-row batch per cycle as it completes, so the file is current while the test runs.
 * Cycles are few (one every few hours), so the per-batch overhead does not matter.
 */
public final class ArrowCycleWriter implements AutoCloseable {

    private final ArrowStreamOutput output;
    private final IntVector cycleCount;
    private final List<Float8Vector> values;

    private ArrowCycleWriter(ArrowStreamOutput output) {
        this.output = output;
        VectorSchemaRoot root = output.root();
        cycleCount = ArrowSampleWriter.int32(root, CycleColumns.CYCLE_COUNT);
        values = CycleColumns.ALL.subList(1, CycleColumns.ALL.size()).stream()
                .map(c -> ArrowSampleWriter.float8(root, c))
                .toList();
    }

    /** Creates {@code file} (it must not exist) and writes the schema. */
    public static ArrowCycleWriter create(Path file, Map<String, String> runMetadata, ArrowWriteOptions options,
                                          BufferAllocator allocator) throws IOException {
        return new ArrowCycleWriter(
                ArrowStreamOutput.create(file, CycleColumns.schema(runMetadata), options, allocator, 1));
    }

    public void write(CycleSummary c) throws IOException {
        cycleCount.set(0, c.cycleCount());
        double[] row = CycleColumns.values(c);
        for (int i = 0; i < row.length; i++) {
            Float8Vector vector = values.get(i);
            if (Double.isNaN(row[i])) {
                vector.setNull(0);
            } else {
                vector.set(0, row[i]);
            }
        }
        output.writeBatch(1);
    }

    public Path file() {
        return output.file();
    }

    @Override
    public void close() throws IOException {
        output.close();
    }
}
