package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
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
    /** Every column's vector, the table's then the extra ones; whether each is a float64 (else an int32). */
    private final BaseFixedWidthVector[] vectors;
    private final boolean[] float64;
    /** Per table column, how its value is taken from a row (looked up once: this runs for every sample). */
    private final ColumnValue<R>[] values;
    /** Per column, where its values and its validity bits are now: the buffers move only when they grow. */
    private final long[] dataAddress;
    private final long[] validityAddress;
    /**
     * Per column, a bit per row collected so far, set where the row's value is null (NaN): the
     * validity bits are written from it once per batch ({@link #markValidity}), not one
     * read-modify-write of a byte per value (25 per sample row: 3-7 % of an import's reading thread).
     */
    private long[][] nulls;
    /**
     * Every table column's value of a row in one call (int32 ones as doubles), where the table has
     * one ({@link io.cellbench.core.data.SampleField#values}); else null, and each value is taken
     * through its column's definition.
     */
    private RowValues<R> rowValues;
    private final double[] rowScratch;
    /** Rows the vectors hold without growing: below it a row is written straight to memory. */
    private int capacity;
    private int buffered;
    private long rowsWritten;

    @SuppressWarnings("unchecked")
    private ArrowTableWriter(ArrowStreamOutput output, List<? extends DataColumn<R>> columns, List<Column> extraColumns) {
        this.output = output;
        VectorSchemaRoot root = output.root();
        int n = columns.size() + extraColumns.size();
        this.vectors = new BaseFixedWidthVector[n];
        this.float64 = new boolean[n];
        this.values = columns.stream().map(DataColumn::value).toArray(ColumnValue[]::new);
        for (int k = 0; k < columns.size(); k++) {
            vectors[k] = (BaseFixedWidthVector) root.getVector(columns.get(k).columnName());
            float64[k] = columns.get(k).kind() == ColumnValue.Kind.FLOAT64;
        }
        for (int k = 0; k < extraColumns.size(); k++) {
            vectors[columns.size() + k] = (Float8Vector) root.getVector(extraColumns.get(k).name());
            float64[columns.size() + k] = true;
        }
        this.rowScratch = new double[columns.size()];
        this.dataAddress = new long[n];
        this.validityAddress = new long[n];
        this.nulls = new long[n][0];
        locate();
    }

    /** The buffers' addresses and the rows they hold, after allocation or growth. */
    private void locate() {
        int rows = Integer.MAX_VALUE;
        for (int k = 0; k < vectors.length; k++) {
            dataAddress[k] = vectors[k].getDataBuffer().memoryAddress();
            validityAddress[k] = vectors[k].getValidityBuffer().memoryAddress();
            rows = Math.min(rows, vectors[k].getValueCapacity());
        }
        capacity = rows;
        int words = (rows + 63) >>> 6;
        for (int k = 0; k < nulls.length; k++) {
            if (nulls[k].length < words) {
                nulls[k] = java.util.Arrays.copyOf(nulls[k], words);
            }
        }
    }

    /** Doubles every vector until it holds {@code rows} rows (a batch larger than planned: a long spectrum). */
    private void grow(int rows) {
        for (BaseFixedWidthVector v : vectors) {
            while (v.getValueCapacity() < rows) {
                v.reAlloc();
            }
        }
        locate();
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

    /** How the table's values are taken from a row in one call, every column's in file order. */
    @FunctionalInterface
    interface RowValues<R> {
        void values(R row, double[] into);
    }

    /** Takes every row's values with {@code values} (which must give each column's value, in order) from now on. */
    ArrowTableWriter<R> withRowValues(RowValues<R> values) {
        this.rowValues = values;
        return this;
    }

    /** Adds a row to the batch being collected. */
    void add(R row) {
        add(row, NO_EXTRA);
    }

    private static final double[] NO_EXTRA = new double[0];

    /**
     * Adds a row and its extra columns' values (in their order; missing ones, and NaN, are null).
     * Values go straight into the vectors' memory, below {@link #capacity}: Arrow's own setters
     * check the capacity, the buffer's bounds and its reference count for every value, which made
     * most of an import's cost (docs/import.md).
     */
    void add(R row, double[] extraValues) {
        int i = buffered;
        if (i >= capacity) {
            grow(i + 1);
        }
        if (rowValues != null) {
            double[] all = rowScratch;
            rowValues.values(row, all);
            for (int k = 0; k < all.length; k++) {
                if (float64[k]) {
                    put(k, i, all[k]);
                } else {
                    MemoryUtil.putInt(dataAddress[k] + (long) i * IntVector.TYPE_WIDTH, (int) all[k]);
                }
            }
        } else {
            for (int k = 0; k < values.length; k++) {
                if (float64[k]) {
                    put(k, i, values[k].number(row));
                } else {
                    MemoryUtil.putInt(dataAddress[k] + (long) i * IntVector.TYPE_WIDTH, values[k].integer(row));
                }
            }
        }
        for (int k = values.length; k < vectors.length; k++) {
            int e = k - values.length;
            put(k, i, e < extraValues.length ? extraValues[e] : Double.NaN);
        }
        buffered = i + 1;
    }

    private void put(int k, int i, double value) {
        if (Double.isNaN(value)) {
            nulls[k][i >>> 6] |= 1L << i; // its data is left as it is, as Arrow's setNull leaves it
        } else {
            MemoryUtil.putLong(dataAddress[k] + (long) i * Float8Vector.TYPE_WIDTH, Double.doubleToRawLongBits(value));
        }
    }

    /**
     * Writes the validity bits of the {@code rows} rows collected: set, but where {@link #nulls}
     * has the row. The bits after the last row in its byte are left as they are (Arrow writes
     * that whole byte), so the file is the one writing each bit with its value made.
     */
    private void markValidity(int rows) {
        int words = rows >>> 6;
        for (int k = 0; k < vectors.length; k++) {
            long validity = validityAddress[k];
            long[] n = nulls[k];
            for (int w = 0; w < words; w++) {
                MemoryUtil.putLong(validity + 8L * w, ~n[w]); // little-endian, as Arrow's bitmaps: row 64w + j is bit j
            }
            int rest = rows & 63;
            for (int b = 0; b * 8 < rest; b++) {
                int mask = (1 << Math.min(8, rest - 8 * b)) - 1;
                int valid = (int) (~n[words] >>> (8 * b)) & mask;
                long at = validity + 8L * words + b;
                MemoryUtil.putByte(at, (byte) ((MemoryUtil.getByte(at) & ~mask) | valid));
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
        markValidity(buffered); // again on a retry after a failed write: the nulls are kept until it succeeds
        output.writeBatch(buffered);
        for (long[] n : nulls) {
            java.util.Arrays.fill(n, 0, (buffered + 63) >>> 6, 0L);
        }
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
