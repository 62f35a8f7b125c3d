package io.cellbench.cli;

import io.cellbench.cli.format.RowWriter;
import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One cell's rows (samples or impedance points) as a CSV file, written as they come, a column
 * per {@link DataColumn}. With {@code labels} the header row holds the Battery Data Format's
 * preferred labels ("Test Time / s", "Voltage / V", …), which makes the file a BDF CSV; without,
 * the machine names ({@code test_time_second}, …). Values are SI, full precision (a double
 * prints as the shortest decimal that reads back to the same double, never with an exponent);
 * no measurement is an empty field.
 *
 * <p>Rows are written as ASCII bytes, with numbers turned into text by
 * {@link io.cellbench.core.format.Decimals} (the one number writer of the exports) on every core
 * ({@link CsvBlocks}) and no boxing, String or charset encoder per value: an export writes tens
 * of millions of rows (issue 13: 1 M rows/s). A run's samples are copied straight from the
 * Arrow batch ({@link #write(ColumnSource, DataColumn[])}).
 */
final class ColumnCsvFile<R> implements RowWriter<R> {
    private final Path file;
    private final OutputStream out;
    /** Each column's value: taken straight, not through the column's definition, for every value of every row. */
    private final ColumnValue<R>[] values;
    private final CsvBlocks blocks;
    private final RecordValues record = new RecordValues();
    private final CopiedValues copy = new CopiedValues();
    private long rows;

    private ColumnCsvFile(Path file, OutputStream out, List<DataColumn<R>> columns) {
        this.file = file;
        this.out = out;
        @SuppressWarnings("unchecked")
        ColumnValue<R>[] array = columns.stream().map(DataColumn::value).toArray(ColumnValue[]::new);
        values = array;
        boolean[] integer = new boolean[columns.size()];
        for (int i = 0; i < integer.length; i++) {
            integer[i] = switch (columns.get(i).kind()) {
                case INT32 -> true;
                case FLOAT64 -> false;
            };
        }
        blocks = new CsvBlocks(out, integer);
    }

    /** Creates {@code file}, which must not exist, and writes the header row. */
    static <R> ColumnCsvFile<R> create(Path file, List<DataColumn<R>> columns, boolean labels) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        out.write((columns.stream().map(c -> header(labels ? c.label() : c.columnName())).collect(Collectors.joining(","))
                + "\n").getBytes(StandardCharsets.UTF_8));
        return new ColumnCsvFile<>(file, out, List.copyOf(columns));
    }

    /**
     * A header field as RFC 4180 writes it: quoted, with its quotes doubled, when it holds a
     * comma, a quote or a line break (an imported aux column keeps its vendor's name), else as it is.
     */
    static String header(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    @Override
    public void write(R row) throws IOException {
        record.row = row;
        write(record);
    }

    /**
     * Writes a row read from a file that holds this file's values as they are: column i is
     * {@code sources[i]} of {@code in} (an export of a run's samples copies them so, with no
     * record made of each row).
     */
    void write(ColumnSource in, DataColumn<?>[] sources) throws IOException {
        copy.in = in;
        copy.sources = sources;
        write(copy);
    }

    /** A record's values, through each column's value function. */
    private final class RecordValues implements CsvBlocks.Row {
        R row;

        @Override
        public int integer(int column) {
            return values[column].integer(row);
        }

        @Override
        public double number(int column) {
            return values[column].number(row);
        }
    }

    /** A file row's values, copied. */
    private static final class CopiedValues implements CsvBlocks.Row {
        ColumnSource in;
        DataColumn<?>[] sources;

        @Override
        public int integer(int column) {
            return in.integer(sources[column]);
        }

        @Override
        public double number(int column) {
            return in.number(sources[column]);
        }
    }

    private void write(CsvBlocks.Row row) throws IOException {
        blocks.add(row);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            blocks.finish();
        }
    }
}
