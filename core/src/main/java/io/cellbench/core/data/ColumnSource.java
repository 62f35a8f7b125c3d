package io.cellbench.core.data;

/**
 * The values of one row as a reader finds them, by column: what the tables' enums turn back into
 * records ({@link SampleField#sample}, {@link CycleField#summary}, {@link SpectrumField#point}).
 * A column a file does not have reads as NaN, or 0 for an int32, so older files still read.
 */
public interface ColumnSource {

    double number(DataColumn<?> column);

    int integer(DataColumn<?> column);
}
