package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.DataColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the rows of one table back from stream segments, in order, one batch in memory at a
 * time: each row is handed over as a {@link ColumnSource} positioned on it, which the table's
 * definition turns back into a record ({@code SampleField.sample}, {@code CycleField.summary}).
 * A column is found by its name or one of its aliases; a column the file does not have, and a
 * null, reads as NaN (0 for an int32), so files written before a column existed still read. A
 * torn last batch (a crash) is skipped with a warning in the report.
 */
final class ArrowTableReader {

    private ArrowTableReader() {
    }

    /** Hands {@code rows} each row of the segments; the source is valid only during the call. */
    static ReadReport read(List<Path> segments, BufferAllocator allocator, List<? extends DataColumn<?>> columns,
                           Consumer<ColumnSource> rows) throws IOException {
        return read(segments, allocator, columns, List.of(), (row, extra) -> rows.accept(row));
    }

    /**
     * The same, with the values of the float64 columns {@code extraNames} beyond the table's (an
     * import's aux channels) in a new array per row, in that order: NaN where a value is null or
     * a segment has no such column.
     */
    static ReadReport read(List<Path> segments, BufferAllocator allocator, List<? extends DataColumn<?>> columns,
                           List<String> extraNames, BiConsumer<ColumnSource, double[]> rows) throws IOException {
        Cursor cursor = new Cursor(columns);
        Float8Vector[] extra = new Float8Vector[extraNames.size()];
        return ArrowStreamScan.read(segments, allocator, (root, file) -> {
            cursor.batch(root);
            for (int k = 0; k < extra.length; k++) {
                extra[k] = root.getVector(extraNames.get(k)) instanceof Float8Vector f ? f : null;
            }
            for (int i = 0, n = root.getRowCount(); i < n; i++) {
                cursor.row = i;
                double[] values = new double[extra.length];
                for (int k = 0; k < extra.length; k++) {
                    values[k] = extra[k] == null || extra[k].isNull(i) ? Double.NaN : extra[k].get(i);
                }
                rows.accept(cursor, values);
            }
        });
    }

    /** What a batch-at-a-time reader is handed: the batch's row count and its values, by column position. */
    interface Batch {
        int rows();

        /** The float64 column at {@code position} (in the reader's column list), row {@code row}; NaN for null. */
        double number(int position, int row);

        /** The int32 column at {@code position}, row {@code row}; 0 for null. */
        int integer(int position, int row);

        /** The batch as a source positioned on {@code row}, valid until the next call. */
        ColumnSource at(int row);
    }

    /**
     * Hands {@code batches} each batch of the segments, for a reader that needs only some
     * columns of most rows (cycle summaries): no row is turned into a record it does not ask for.
     */
    static ReadReport readBatches(List<Path> segments, BufferAllocator allocator,
                                  List<? extends DataColumn<?>> columns, Consumer<Batch> batches) throws IOException {
        Cursor cursor = new Cursor(columns);
        return ArrowStreamScan.read(segments, allocator, (root, file) -> {
            cursor.batch(root);
            cursor.rows = root.getRowCount();
            batches.accept(cursor);
        });
    }

    /** One row of the current batch, by column. */
    private static final class Cursor implements ColumnSource, Batch {
        private final List<? extends DataColumn<?>> columns;
        private final Map<DataColumn<?>, Integer> positions = new IdentityHashMap<>();
        private final Float8Vector[] floats;
        private final IntVector[] ints;
        /** Per column of the batch: its values' buffer, and whether any value is null (most columns have none). */
        private final ArrowBuf[] data;
        /**
         * Per column, the address of its values when the buffer holds every row of the batch
         * (checked once per batch), else 0: a value is then read without the bounds and
         * reference-count checks ArrowBuf makes on each read (4 % of an export's CPU time).
         */
        private final long[] address;
        private final boolean[] nullable;
        int row;
        int rows;

        Cursor(List<? extends DataColumn<?>> columns) {
            this.columns = List.copyOf(columns);
            for (int k = 0; k < columns.size(); k++) {
                positions.put(columns.get(k), k);
            }
            floats = new Float8Vector[columns.size()];
            ints = new IntVector[columns.size()];
            data = new ArrowBuf[columns.size()];
            address = new long[columns.size()];
            nullable = new boolean[columns.size()];
        }

        void batch(VectorSchemaRoot root) {
            rows = root.getRowCount();
            for (int k = 0; k < columns.size(); k++) {
                FieldVector vector = vector(root, columns.get(k));
                floats[k] = vector instanceof Float8Vector f ? f : null;
                ints[k] = vector instanceof IntVector v ? v : null;
                data[k] = floats[k] != null || ints[k] != null ? vector.getDataBuffer() : null;
                long width = floats[k] != null ? Float8Vector.TYPE_WIDTH : IntVector.TYPE_WIDTH;
                address[k] = data[k] != null && data[k].capacity() >= rows * width ? data[k].memoryAddress() : 0;
                nullable[k] = vector != null && vector.getNullCount() > 0;
            }
        }

        private static FieldVector vector(VectorSchemaRoot root, DataColumn<?> column) {
            for (String name : column.term().names()) {
                FieldVector vector = root.getVector(name);
                if (vector != null) {
                    return vector;
                }
            }
            return null;
        }

        @Override
        public double number(DataColumn<?> column) {
            return number(position(column), row);
        }

        @Override
        public int integer(DataColumn<?> column) {
            return integer(position(column), row);
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public double number(int k, int at) {
            // straight from the values' buffer: the vector's get() checks for null a second time,
            // and this runs for every value of tens of millions of rows
            Float8Vector v = floats[k];
            if (v == null || nullable[k] && v.isNull(at)) {
                return Double.NaN;
            }
            long offset = (long) Objects.checkIndex(at, rows) * Float8Vector.TYPE_WIDTH;
            return address[k] != 0 ? Double.longBitsToDouble(MemoryUtil.getLong(address[k] + offset)) : data[k].getDouble(offset);
        }

        @Override
        public int integer(int k, int at) {
            IntVector v = ints[k];
            if (v == null || nullable[k] && v.isNull(at)) {
                return 0;
            }
            long offset = (long) Objects.checkIndex(at, rows) * IntVector.TYPE_WIDTH;
            return address[k] != 0 ? MemoryUtil.getInt(address[k] + offset) : data[k].getInt(offset);
        }

        @Override
        public ColumnSource at(int at) {
            row = at;
            return this;
        }

        /**
         * Where the reader keeps a column. The tables are enums read in declaration order, so a
         * constant's ordinal is its position; the map serves any other list (hot path: millions
         * of rows times twenty columns).
         */
        private int position(DataColumn<?> column) {
            if (column instanceof Enum<?> e && e.ordinal() < columns.size() && columns.get(e.ordinal()) == column) {
                return e.ordinal();
            }
            Integer k = positions.get(column);
            if (k == null) {
                throw new IllegalArgumentException(column.columnName() + " is not a column this reader reads");
            }
            return k;
        }
    }
}
