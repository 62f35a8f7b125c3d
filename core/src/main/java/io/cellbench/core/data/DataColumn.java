package io.cellbench.core.data;

/**
 * One column of a cellbench table: what it is called ({@link ColumnTerm}) and how its value is
 * taken from a row. The enums implementing it ({@link SampleField}, {@link CycleField},
 * {@link SpectrumField}) are the one definition of the tables: their constants, in order, are
 * the columns of samples.arrows, cycles.arrows and spectra.arrows, and every writer, reader,
 * export and field list takes names from them. A new table (impedance fits, issue 16) is a new
 * implementation: an enum when its columns are fixed, records when they depend on the data
 * (one column per fitted parameter).
 *
 * @param <R> the row a value is taken from
 */
public interface DataColumn<R> {

    /** What a column is: its term and how its value is taken from a row. */
    record Definition<R>(ColumnTerm term, ColumnValue<R> value) {
    }

    Definition<R> definition();

    /** A column that belongs to no table's enum: a field of one output only, or one made at run time. */
    static <R> DataColumn<R> of(ColumnTerm term, ColumnValue<R> value) {
        Definition<R> definition = new Definition<>(term, value);
        return () -> definition;
    }

    default ColumnTerm term() {
        return definition().term();
    }

    default ColumnValue<R> value() {
        return definition().value();
    }

    /** The machine name, e.g. {@code voltage_volt}. */
    default String columnName() {
        return term().name();
    }

    default String unit() {
        return term().unit();
    }

    /** The human label, "Name / unit". */
    default String label() {
        return term().label();
    }

    /** Whether the Battery Data Format defines this column. */
    default boolean bdf() {
        return term().bdf();
    }

    default ColumnValue.Kind kind() {
        return value().kind();
    }

    /** The value of a float64 column in {@code row} (NaN: not measured). */
    default double number(R row) {
        return value().number(row);
    }

    /** The value of an int32 column in {@code row}. */
    default int integer(R row) {
        return value().integer(row);
    }
}
