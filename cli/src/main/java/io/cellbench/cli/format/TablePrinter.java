package io.cellbench.cli.format;

import java.io.PrintStream;
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
    private final List<Column<R>> columns;

    public TablePrinter(List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
    }

    public void print(Iterator<R> rows, OutputFormat format, PrintStream out) {
        switch (format) {
            case TABLE -> printTable(rows, out);
            case CSV -> printCsv(rows, out);
            case JSON -> printJson(rows, out);
        }
        out.flush();
    }

    private void printTable(Iterator<R> rows, PrintStream out) {
        boolean first = true;
        while (first || rows.hasNext()) {
            List<String[]> window = new ArrayList<>();
            while (rows.hasNext() && window.size() < TABLE_WINDOW) {
                R row = rows.next();
                String[] cells = new String[columns.size()];
                for (int i = 0; i < cells.length; i++) {
                    Column<R> c = columns.get(i);
                    cells[i] = tableCell(c.value().apply(row), c.decimals());
                }
                window.add(cells);
            }
            int[] width = new int[columns.size()];
            for (int i = 0; i < width.length; i++) {
                width[i] = columns.get(i).header().length();
                for (String[] cells : window) {
                    width[i] = Math.max(width[i], cells[i].length());
                }
            }
            if (first) {
                StringBuilder header = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    header.append(i == 0 ? "" : "  ").append(pad(columns.get(i).header(), width[i]));
                }
                out.println(header.toString().stripTrailing());
                out.println("-".repeat(header.toString().stripTrailing().length()));
                first = false;
            }
            for (String[] cells : window) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    line.append(i == 0 ? "" : "  ").append(pad(cells[i], width[i]));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }

    private void printCsv(Iterator<R> rows, PrintStream out) {
        out.println(String.join(",", columns.stream().map(c -> csv(c.name())).toList()));
        while (rows.hasNext()) {
            R row = rows.next();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                Object v = columns.get(i).value().apply(row);
                line.append(v instanceof Double d && d.isNaN() || v == null ? "" : csv(plain(v)));
            }
            out.println(line);
        }
    }

    private void printJson(Iterator<R> rows, PrintStream out) {
        out.print('[');
        boolean firstRow = true;
        while (rows.hasNext()) {
            R row = rows.next();
            out.print(firstRow ? "\n  {" : ",\n  {");
            firstRow = false;
            for (int i = 0; i < columns.size(); i++) {
                Column<R> c = columns.get(i);
                out.print((i == 0 ? "" : ", ") + JsonText.string(c.name()) + ": " + JsonText.value(c.value().apply(row)));
            }
            out.print('}');
        }
        out.println(firstRow ? "]" : "\n]");
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
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return v.toString();
    }

    private static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
