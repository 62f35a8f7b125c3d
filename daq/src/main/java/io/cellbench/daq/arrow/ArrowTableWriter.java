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
    /** Extra float64 columns after the table's (an import's aux channels), filled from each row's array. */
    private final Float8Vector[] extra;
    private int buffered;
    private long rowsWritten;

    private ArrowTableWriter(ArrowStreamOutput output, List<? extends DataColumn<R>> columns, List<Column> extraColumns) {
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
        this.extra = extraColumns.stream().map(c -> (Float8Vector) root.getVector(c.name())).toArray(Float8Vector[]::new);
    }

    /**
     * Creates {@code file} (it must not exist) and writes the schema: the columns in order, with
     * {@code metadata} as the schema's metadata. Vectors start with room for {@code rowCapacity}
     * rows and grow when a batch needs more.
     */
    static <R> ArrowTableWriter<R> create(Path file, List<? extends DataColumn<R>> columns, Map<String, String> metadata,
                                          ArrowWriteOptions options, BufferAllocator allocator, int rowCapacity)
            throws IOException {
        return create(file, columns, List.of(), metadata, options, allocator, rowCapacity);
    }

    /** The same with {@code extraColumns} (float64) after the table's, filled by {@link #add(Object, double[])}. */
    static <R> ArrowTableWriter<R> create(Path file, List<? extends DataColumn<R>> columns, List<Column> extraColumns,
                                          Map<String, String> metadata, ArrowWriteOptions options,
                                          BufferAllocator allocator, int rowCapacity) throws IOException {
        List<Column> schema = new java.util.ArrayList<>(columns.stream().map(Column::of).toList());
        for (Column c : extraColumns) {
            if (c.type() != Column.Type.FLOAT64 || schema.stream().anyMatch(k -> k.name().equals(c.name()))) {
                throw new IllegalArgumentException("an extra column is float64 and named apart from the others: " + c);
            }
            schema.add(c);
        }
        return new ArrowTableWriter<>(ArrowStreamOutput.create(file, Column.schema(schema, metadata), options,
                allocator, rowCapacity), columns, extraColumns);
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

    /** Adds a row and its extra columns' values (in their order; missing ones, and NaN, are null). */
    void add(R row, double[] extraValues) {
        int i = buffered;
        add(row);
        for (int k = 0; k < extra.length; k++) {
            double value = k < extraValues.length ? extraValues[k] : Double.NaN;
            if (Double.isNaN(value)) {
                extra[k].setNull(i);
            } else {
                extra[k].setSafe(i, value);
            }
        }
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
