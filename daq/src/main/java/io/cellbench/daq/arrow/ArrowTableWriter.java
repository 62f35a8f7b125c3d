package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows of one table into an Arrow IPC stream file: the schema is the table's columns
 * ({@link Column#of}), and each row fills every column's vector with the value the column's
 * definition takes from it (a float64 NaN written as null). The caller decides when the rows
 * collected so far become a batch ({@link #writeBatch}): a sample file by count and test time, a
 * spectrum file per spectrum, a cycle file per cycle. Not thread-safe.
 *
 * @param <R> the table's row: a Sample, a CycleSummary, a SpectrumRow
 */
final class ArrowTableWriter<R> implements AutoCloseable {

    private final ArrowStreamOutput output;
    /** Per column, its vector: a float64 column's in {@code floats}, an int32 column's in {@code ints}. */
    private final Float8Vector[] floats;
    private final IntVector[] ints;
    /** Per column, how its value is taken from a row (looked up once: this runs for every sample). */
    private final List<ColumnValue<R>> values;
    private int buffered;
    private long rowsWritten;

    private ArrowTableWriter(ArrowStreamOutput output, List<? extends DataColumn<R>> columns) {
        this.output = output;
        this.values = columns.stream().map(DataColumn::value).toList();
        this.floats = new Float8Vector[columns.size()];
        this.ints = new IntVector[columns.size()];
        VectorSchemaRoot root = output.root();
        for (int k = 0; k < columns.size(); k++) {
            DataColumn<R> column = columns.get(k);
            switch (column.kind()) {
                case FLOAT64 -> floats[k] = (Float8Vector) root.getVector(column.columnName());
                case INT32 -> ints[k] = (IntVector) root.getVector(column.columnName());
            }
        }
    }

    /**
     * Creates {@code file} (it must not exist) and writes the schema: the columns in order, with
     * {@code metadata} as the schema's metadata. Vectors start with room for {@code rowCapacity}
     * rows and grow when a batch needs more.
     */
    static <R> ArrowTableWriter<R> create(Path file, List<? extends DataColumn<R>> columns, Map<String, String> metadata,
                                          ArrowWriteOptions options, BufferAllocator allocator, int rowCapacity)
            throws IOException {
        List<Column> schema = columns.stream().map(Column::of).toList();
        return new ArrowTableWriter<>(ArrowStreamOutput.create(file, Column.schema(schema, metadata), options,
                allocator, rowCapacity), columns);
    }

    /** Adds a row to the batch being collected. */
    void add(R row) {
        int i = buffered;
        for (int k = 0; k < floats.length; k++) {
            if (floats[k] != null) {
                double value = values.get(k).number(row);
                if (Double.isNaN(value)) {
                    floats[k].setNull(i);
                } else {
                    floats[k].setSafe(i, value);
                }
            } else {
                ints[k].setSafe(i, values.get(k).integer(row));
            }
        }
        buffered = i + 1;
    }

    /** Rows collected since the last batch. */
    int buffered() {
        return buffered;
    }

    /** Writes the rows collected (if any) as one batch, forced per the fsync policy. */
    void writeBatch() throws IOException {
        if (buffered == 0) {
            return;
        }
        output.writeBatch(buffered);
        rowsWritten += buffered;
        buffered = 0;
    }

    long rowsWritten() {
        return rowsWritten;
    }

    long batchesWritten() {
        return output.batches();
    }

    long bytesWritten() {
        return output.bytesWritten();
    }

    Path file() {
        return output.file();
    }

    /** Writes the end-of-stream marker (not the rows still collected) and frees the memory. */
    @Override
    public void close() throws IOException {
        output.close();
    }
}
