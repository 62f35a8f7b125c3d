package io.cellbench.core.data;

import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * How a column's value is taken from a row: a float64 (NaN: not measured, written as null) or
 * an int32 (never null).
 *
 * @param <R> the row
 */
public final class ColumnValue<R> {

    /** The types a column can have. */
    public enum Kind {
        FLOAT64,
        INT32
    }

    private final Kind kind;
    private final ToDoubleFunction<R> number;
    private final ToIntFunction<R> integer;

    private ColumnValue(Kind kind, ToDoubleFunction<R> number, ToIntFunction<R> integer) {
        this.kind = kind;
        this.number = number;
        this.integer = integer;
    }

    public static <R> ColumnValue<R> float64(ToDoubleFunction<R> number) {
        return new ColumnValue<>(Kind.FLOAT64, number, null);
    }

    public static <R> ColumnValue<R> int32(ToIntFunction<R> integer) {
        return new ColumnValue<>(Kind.INT32, null, integer);
    }

    public Kind kind() {
        return kind;
    }

    /** The value of a {@link Kind#FLOAT64} column. */
    public double number(R row) {
        if (number == null) {
            throw new IllegalStateException("an int32 column has no float64 value");
        }
        return number.applyAsDouble(row);
    }

    /** The value of an {@link Kind#INT32} column. */
    public int integer(R row) {
        if (integer == null) {
            throw new IllegalStateException("a float64 column has no int32 value");
        }
        return integer.applyAsInt(row);
    }
}
