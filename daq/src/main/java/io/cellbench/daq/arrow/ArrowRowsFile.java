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
 * Rows of a table whose columns are given as {@link DataColumn}s (the impedance fits and DRTs of
 * issue 16, whose columns depend on the circuit) into an Arrow IPC stream file, one batch per
 * {@link #write} call, forced per the fsync policy. Every column carries its unit and label
 * ({@link Column#of}); a float64 NaN is written as null. Not thread-safe.
 *
 * @param <R> the table's row
 */
public final class ArrowRowsFile<R> implements AutoCloseable {

    private final ArrowStreamOutput output;
    private final Float8Vector[] floats;
    private final IntVector[] ints;
    private final List<ColumnValue<R>> values;
    private long rows;

    private ArrowRowsFile(ArrowStreamOutput output, List<? extends DataColumn<R>> columns) {
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

    /** Creates {@code file} (it must not exist) and writes the schema, with {@code metadata} as its metadata. */
    public static <R> ArrowRowsFile<R> create(Path file, List<? extends DataColumn<R>> columns,
                                              Map<String, String> metadata, ArrowWriteOptions options,
                                              BufferAllocator allocator) throws IOException {
        List<Column> schema = columns.stream().map(Column::of).toList();
        return new ArrowRowsFile<>(ArrowStreamOutput.create(file, Column.schema(schema, metadata), options,
                allocator, 16), columns);
    }

    /** Writes {@code batch} as one record batch (nothing for an empty list). */
    public void write(List<R> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            R row = batch.get(i);
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
        }
        output.writeBatch(batch.size());
        rows += batch.size();
    }

    public long rows() {
        return rows;
    }

    public Path file() {
        return output.file();
    }

    /** Writes the end-of-stream marker and frees the memory. */
    @Override
    public void close() throws IOException {
        output.close();
    }
}
