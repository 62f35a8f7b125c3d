package io.cellbench.cli.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cellbench.core.format.Decimals;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Prints rows as an aligned table, CSV or JSON. CSV and JSON stream row by row, so a long
 * export never sits in memory; the table form buffers {@code TABLE_WINDOW} rows at a time to
 * size its columns.
 */
public final class TablePrinter<R> {
    private static final int TABLE_WINDOW = 500;
    private final List<OutputColumn<R>> columns;

    public TablePrinter(List<OutputColumn<R>> columns) {
        this.columns = List.copyOf(columns);
    }

    public void print(Iterator<R> rows, OutputFormat format, PrintStream out) {
        ConsoleRows<R> writer = open(format, out);
        while (rows.hasNext()) {
            writer.write(rows.next());
        }
        writer.close();
    }

    /** A writer that prints the rows pushed into it; close it to finish the output. */
    public ConsoleRows<R> open(OutputFormat format, PrintStream out) {
        return switch (format) {
            case TABLE -> new TableWriter(out);
            case CSV -> new CsvWriter(out);
            case JSON -> new JsonWriter(out);
        };
    }

    /** Rows to a PrintStream, which never throws IOException (it records errors instead). */
    public interface ConsoleRows<R> extends RowWriter<R> {
        @Override
        void write(R row);

        @Override
        void close();
    }

    private abstract class ConsoleWriter implements ConsoleRows<R> {
        final PrintStream out;
        long rows;

        ConsoleWriter(PrintStream out) {
            this.out = out;
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public abstract void write(R row);

        @Override
        public abstract void close();
    }

    private final class TableWriter extends ConsoleWriter {
        private final List<String[]> window = new ArrayList<>();
        private boolean headerDone;

        TableWriter(PrintStream out) {
            super(out);
        }

        @Override
        public void write(R row) {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                OutputColumn<R> c = columns.get(i);
                cells[i] = tableCell(c.value().apply(row), c.decimals());
            }
            window.add(cells);
            rows++;
            if (window.size() == TABLE_WINDOW) {
                printWindow();
            }
        }

        @Override
        public void close() {
            if (!window.isEmpty() || !headerDone) {
                printWindow();
            }
            out.flush();
        }

        private void printWindow() {
            int[] width = new int[columns.size()];
            for (int i = 0; i < width.length; i++) {
                width[i] = columns.get(i).header().length();
                for (String[] cells : window) {
                    width[i] = Math.max(width[i], cells[i].length());
                }
            }
            if (!headerDone) {
                StringBuilder header = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    header.append(i == 0 ? "" : "  ").append(pad(columns.get(i).header(), width[i]));
                }
                out.println(header.toString().stripTrailing());
                out.println("-".repeat(header.toString().stripTrailing().length()));
                headerDone = true;
            }
            for (String[] cells : window) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    line.append(i == 0 ? "" : "  ").append(pad(cells[i], width[i]));
                }
                out.println(line.toString().stripTrailing());
            }
            window.clear();
        }
    }

    private final class CsvWriter extends ConsoleWriter {
        CsvWriter(PrintStream out) {
            super(out);
            out.println(String.join(",", columns.stream().map(c -> csv(c.name())).toList()));
        }

        @Override
        public void write(R row) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                Object v = columns.get(i).value().apply(row);
                line.append(v instanceof Double d && d.isNaN() || v == null ? "" : csv(plain(v)));
            }
            out.println(line);
            rows++;
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private final class JsonWriter extends ConsoleWriter {
        /** One row's text at a time, so that a long export streams. */
        private final StringWriter row = new StringWriter();
        private final JsonGenerator json = JsonText.forData(row);

        JsonWriter(PrintStream out) {
            super(out);
            out.print('[');
        }

        @Override
        public void write(R r) {
            try {
                json.writeRaw(rows == 0 ? "\n  " : ",\n  ");
                rows++;
                json.writeStartObject();
                for (OutputColumn<R> c : columns) {
                    json.writeFieldName(c.name());
                    JsonText.dataValue(json, c.value().apply(r));
                }
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            out.print(row);
            row.getBuffer().setLength(0);
        }

        @Override
        public void close() {
            out.println(rows == 0 ? "]" : "\n]");
            out.flush();
        }
    }

    private static String tableCell(Object v, int decimals) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", d);
        }
        if (v instanceof Float f) {
            return tableCell(f.doubleValue(), decimals);
        }
        return v.toString();
    }

    private static String plain(Object v) {
        return v instanceof Double d ? Decimals.whole(d) : v.toString();
    }

    private static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
