package io.cellbench.cli;

import io.cellbench.cli.format.RowWriter;
import io.cellbench.core.data.DataColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
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
 */
final class ColumnCsvFile<R> implements RowWriter<R> {
    private static final int BUFFER = 1 << 16;
    private final Path file;
    private final BufferedWriter out;
    private final List<DataColumn<R>> columns;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    private ColumnCsvFile(Path file, BufferedWriter out, List<DataColumn<R>> columns) {
        this.file = file;
        this.out = out;
        this.columns = columns;
    }

    /** Creates {@code file}, which must not exist, and writes the header row. */
    static <R> ColumnCsvFile<R> create(Path file, List<DataColumn<R>> columns, boolean labels) throws IOException {
        BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER);
        out.write(columns.stream().map(c -> labels ? c.label() : c.columnName()).collect(Collectors.joining(",")));
        out.write('\n');
        return new ColumnCsvFile<>(file, out, List.copyOf(columns));
    }

    @Override
    public void write(R row) throws IOException {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            DataColumn<R> column = columns.get(i);
            switch (column.kind()) {
                case FLOAT64 -> {
                    double d = column.number(row);
                    if (!Double.isNaN(d)) {
                        line.append(decimal(d));
                    }
                }
                case INT32 -> line.append(column.integer(row));
            }
        }
        line.append('\n');
        out.append(line);
        rows++;
    }

    /**
     * The shortest decimal that reads back as the same double, without an exponent (unix
     * times would otherwise print as 1.7145217234E9, which spreadsheets show badly).
     */
    static String decimal(double d) {
        String s = Double.toString(d);
        return s.indexOf('E') < 0 || Double.isInfinite(d) ? s : new BigDecimal(s).toPlainString();
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
        out.close();
    }
}
