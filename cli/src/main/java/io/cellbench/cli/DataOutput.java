package io.cellbench.cli;

import io.cellbench.cli.format.OutputFormat;
import io.cellbench.cli.format.TablePrinter;
import io.cellbench.core.UserError;
import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;

/** What the {@code data raw}, {@code eis} and {@code export} commands share: streaming rows to their output. */
final class DataOutput {
    private DataOutput() {
    }

    /** Samples as a table, CSV or JSON, to {@code file} or (null) the console. */
    static void printSamples(DataSource source, DataFilter filter, OutputFormat format, Path file) throws IOException {
        try (Destination out = Destination.of(file)) {
            // an imported cell's aux channels (temperatures, aux voltages) after the sample table's columns
            List<io.cellbench.daq.arrow.Column> aux = source.auxColumns(filter);
            TablePrinter.ConsoleRows<SampleFields.CellSample> rows =
                    new TablePrinter<>(SampleFields.forFormat(format, aux)).open(format, out.stream);
            source.samples(filter, aux, (cell, s) -> rows.write(s));
            rows.close();
            out.check();
        }
    }

    /** Per-cycle summaries as a table, CSV or JSON, to {@code file} or (null) the console. */
    static void printCycles(DataSource source, DataFilter filter, OutputFormat format, Path file) throws IOException {
        printCycles(source, filter, format, file, CycleOutputColumns.forFormat(format));
    }

    /** The same with the given columns (the summary's, and R_bulk, R_gb, R_int when the run has fits). */
    static void printCycles(DataSource source, DataFilter filter, OutputFormat format, Path file,
                            List<io.cellbench.cli.format.OutputColumn<CycleOutputColumns.Row>> columns) throws IOException {
        try (Destination out = Destination.of(file)) {
            TablePrinter.ConsoleRows<CycleOutputColumns.Row> rows = new TablePrinter<>(columns).open(format, out.stream);
            source.cycles(filter, (cell, c) -> rows.write(new CycleOutputColumns.Row(cell, c)));
            rows.close();
            out.check();
        }
    }

    /** Impedance points as a table, CSV or JSON, to {@code file} or (null) the console. */
    static void printImpedance(DataSource source, DataFilter filter, OutputFormat format, Path file)
            throws IOException {
        try (Destination out = Destination.of(file)) {
            TablePrinter.ConsoleRows<ImpedanceRow> rows =
                    new TablePrinter<>(ImpedanceFields.forFormat(format)).open(format, out.stream);
            source.impedance(filter, (cell, p) -> rows.write(p));
            rows.close();
            out.check();
        }
    }

    /** One cell's samples to an Arrow stream file. */
    static void arrowSamples(DataSource source, DataFilter filter, Path file, BufferAllocator allocator)
            throws IOException {
        String cell = singleCell(source, filter, "data export --format arrow -o DIR");
        requireNew(file);
        long rows;
        try (ArrowSampleFile out = ArrowSampleFile.create(file, source.metadata(cell), allocator)) {
            source.samples(only(filter, cell), (c, s) -> out.write(s));
            rows = out.rows();
        }
        System.out.printf(Locale.ROOT, "%s: %,d samples -> %s%n", cell, rows, file);
    }

    /** One cell's impedance points to an Arrow stream file, a batch per sweep. */
    static void arrowImpedance(DataSource source, DataFilter filter, Path file, BufferAllocator allocator)
            throws IOException {
        String cell = singleCell(source, filter, "one 'data eis' per cell");
        requireNew(file);
        long rows;
        try (ArrowSpectrumFile out = new ArrowSpectrumFile(file, source.metadata(cell), allocator)) {
            source.impedance(only(filter, cell), (c, p) -> out.write(p));
            rows = out.rows();
        }
        System.out.printf(Locale.ROOT, "%s: %,d impedance points -> %s%n", cell, rows, file);
    }

    /**
     * A file per cell into {@code directory}: BDF CSV (with the cell's spectra and metadata
     * beside it), plain CSV or Arrow; the CSVs follow {@code version}'s names.
     */
    static void sampleFiles(DataSource source, DataFilter filter, DataFormat format, BdfVersion version,
                            Path directory, BufferAllocator allocator) throws IOException {
        OutputRule.requireOutputDirectory(directory);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserError(directory + " is a file; -o takes a directory for a file per cell");
        }
        Files.createDirectories(directory);
        List<DataColumn<Sample>> columns = SampleField.columns(version);
        if (format == DataFormat.TABLE || format == DataFormat.JSON) {
            throw new UserError("export writes bdf, csv or arrow files, not " + name(format));
        }
        List<CellFiles.Written> written;
        BdfExport bdf = format == DataFormat.BDF ? BdfExport.prepare(source, filter) : null;
        // an imported cell's aux channels (temperatures, aux voltages) after the table's columns
        List<io.cellbench.daq.arrow.Column> aux = source.auxColumns(filter);
        if (!aux.isEmpty()) {
            written = AuxSampleExport.write(source, filter, format, columns, aux, directory, allocator, bdf);
        } else {
            written = tableFiles(source, filter, format, columns, directory, allocator, bdf);
        }
        if (written.isEmpty()) {
            System.out.println("no samples matched; no files written");
        }
        for (CellFiles.Written w : written) {
            System.out.printf(Locale.ROOT, "%s: %,d samples -> %s%n", w.cellId(), w.rows(), w.file());
        }
        if (bdf != null) {
            for (CellFiles.Written w : written) {
                bdf.metadata(source, w.cellId(), version, directory);
            }
            bdf.spectra(source, filter, version, directory);
        }
    }

    /** The samples of cells without aux columns: a run's rows copied as they are where the columns allow. */
    private static List<CellFiles.Written> tableFiles(DataSource source, DataFilter filter, DataFormat format,
                                                      List<DataColumn<Sample>> columns, Path directory,
                                                      BufferAllocator allocator, BdfExport bdf) throws IOException {
        CellFiles<Sample> files = switch (format) {
            case BDF -> new CellFiles<>(directory, ".bdf.csv", (cell, f) -> ColumnCsvFile.create(f, columns, true));
            case CSV -> new CellFiles<>(directory, ".csv", (cell, f) -> ColumnCsvFile.create(f, columns, false));
            case ARROW -> new CellFiles<>(directory, ".arrows",
                    (cell, f) -> ArrowSampleFile.create(f, source.metadata(cell), allocator));
            case TABLE, JSON -> throw new UserError("export writes bdf, csv or arrow files, not " + name(format));
        };
        DataColumn<?>[] copied = copiedFrom(columns);
        try (files) {
            if (source instanceof RunDirectoryData run && format != DataFormat.ARROW && copied != null) {
                // the files' values as they are, with no Sample made of each of tens of millions of rows
                run.sampleRows(filter, (cell, in) -> {
                    if (bdf != null) {
                        bdf.sample(cell, in.number(SampleField.TEST_TIME), in.number(SampleField.VOLTAGE),
                                in.number(SampleField.CURRENT), in.number(SampleField.APPLIED_PRESSURE));
                    }
                    boolean current = in.integer(SampleField.STEP_RECORD_INDEX) != 0;
                    if (current && files.writer(cell) instanceof ColumnCsvFile<?> csv) {
                        csv.write(in, copied);
                    } else {
                        files.accept(cell, SampleField.sample(in)); // written before BDF 1.3: its totals are worked out
                    }
                });
            } else {
                source.samples(filter, (cell, s) -> {
                    if (bdf != null) {
                        bdf.sample(cell, s.testTimeSecond(), s.voltageVolt(), s.currentAmpere(), s.appliedPressurePa());
                    }
                    files.accept(cell, s);
                });
            }
            return files.finish();
        }
    }

    /**
     * The sample column each of {@code columns} holds as it is, for a row of a file written with
     * BDF 1.3's meanings (its Step Record Index not 0); null when one is no such copy.
     */
    static DataColumn<?>[] copiedFrom(List<DataColumn<Sample>> columns) {
        DataColumn<?>[] sources = new DataColumn<?>[columns.size()];
        for (int i = 0; i < sources.length; i++) {
            DataColumn<Sample> column = columns.get(i);
            // a column of an older version's export takes its value as the field it was renamed from
            SampleField field = column instanceof SampleField f ? f : java.util.Arrays.stream(SampleField.values())
                    .filter(f -> f.value() == column.value()).findFirst().orElse(null);
            if (field == null) {
                return null;
            }
            sources[i] = field;
        }
        return sources;
    }

    static void printWarnings(DataSource source) {
        source.warnings().forEach(w -> System.err.println("warning: " + w));
    }

    static String name(DataFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    static Path requireOutput(Path output, DataFormat format, String what) {
        if (output == null) {
            throw new UserError("--format " + name(format) + " writes " + what + ": give it with -o");
        }
        return output;
    }

    private static String singleCell(DataSource source, DataFilter filter, String alternative) throws IOException {
        List<String> cells = !filter.cells().isEmpty() ? filter.cells() : source.cells().orElse(List.of());
        if (cells.size() != 1) {
            throw new UserError("an Arrow file holds one cell: choose it with --cell ID (or use " + alternative + ")");
        }
        return cells.getFirst();
    }

    static DataFilter only(DataFilter filter, String cell) {
        return new DataFilter(List.of(cell), filter.cycles(), filter.from(), filter.to());
    }

    private static void requireNew(Path file) {
        OutputRule.requireOutputFile(file, f -> false, "-o writes only new files; remove it or choose another -o");
    }

    /** The console, or a file standing in for it. */
    record Destination(PrintStream stream, boolean ownsStream, Path file) implements AutoCloseable {
        static Destination of(Path file) throws IOException {
            if (file == null) {
                return new Destination(System.out, false, null);
            }
            requireNew(file);
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new Destination(new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8),
                    true, file);
        }

        void check() throws IOException {
            stream.flush();
            if (ownsStream && stream.checkError()) {
                throw new IOException("cannot write " + file + " (disk full?)");
            }
        }

        @Override
        public void close() {
            if (ownsStream) {
                stream.close();
            }
        }
    }
}
