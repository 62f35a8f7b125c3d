package io.cellbench.daq.arrow;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a column of a batch by name. Nulls and columns the file does not have read as NaN
 * (or 0 for counters), so files written before a column existed still read.
 */
final class ColumnValues {

    private ColumnValues() {
    }

    interface Doubles {
        double get(int row);
    }

    interface Ints {
        int get(int row);
    }

    static Doubles doubles(VectorSchemaRoot root, Column column) {
        FieldVector vector = root.getVector(column.name());
        if (vector instanceof Float8Vector v) {
            return row -> v.isNull(row) ? Double.NaN : v.get(row);
        }
        return row -> Double.NaN;
    }

    static Ints ints(VectorSchemaRoot root, Column column) {
        FieldVector vector = root.getVector(column.name());
        if (vector instanceof IntVector v) {
            return row -> v.isNull(row) ? 0 : v.get(row);
        }
        return row -> 0;
    }
}
