package io.cellbench.daq.cycles;

import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.format.Decimals;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.arrow.CycleColumns;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

/**
 * Writes per-cycle summaries as CSV, for a spreadsheet: a header of labels with units
 * ("Charge Capacity / Ah"), one line per cycle, flushed at once. Numbers are written as every
 * export writes them ({@link Decimals}: the shortest decimal that reads back exactly, never with
 * an exponent, so a 100 µAh microcell reads 0.0001, not 1.0E-4); a missing value (NaN) is an
 * empty field.
 */
public final class CycleCsvWriter implements AutoCloseable {

    public static final String HEADER =
            CycleColumns.ALL.stream().map(Column::label).collect(Collectors.joining(","));

    private final BufferedWriter out;

    private CycleCsvWriter(BufferedWriter out) {
        this.out = out;
    }

    /** Creates {@code file} (it must not exist) and writes the header. */
    public static CycleCsvWriter create(Path file) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        CycleCsvWriter writer = new CycleCsvWriter(out);
        try {
            out.write(HEADER);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return writer;
    }

    public void write(CycleSummary c) throws IOException {
        StringBuilder line = new StringBuilder(200);
        for (CycleField column : CycleField.values()) {
            if (column.ordinal() > 0) {
                line.append(',');
            }
            switch (column.kind()) {
                case INT32 -> line.append(column.integer(c));
                case FLOAT64 -> {
                    double v = column.number(c);
                    if (!Double.isNaN(v)) {
                        line.append(Decimals.plain(v));
                    }
                }
            }
        }
        out.write(line.append('\n').toString());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
