package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.Importers;
import io.cellbench.importers.arbin.ResReader;
import io.cellbench.importers.repair.Repairs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Imports files into one run directory, one cell per file, through {@link RunDirectorySink}: the
 * sink a live run records with. The run starts when the first file's test started. Every repair
 * and warning is printed as it is made and kept for run.json ({@link ImportManifest}).
 */
final class ImportRun {

    /** One imported file, for run.json and the summary. */
    record Imported(Path file, String cellId, String reader, ImportMetadata metadata, List<String> repairs,
                    List<ImportNote> notes, long samples, long spectra, double largestCycleAh) {
    }

    /**
     * An import need not survive a power cut batch by batch: it is committed whole (or not at all)
     * by a rename. Batches of 32,768 rows (about 6.5 MB of vectors for the one cell being written):
     * an import spent a fifth less of its reading thread than with 8,192 (docs/import.md).
     */
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER)
            .withMaxBufferedSeconds(Double.POSITIVE_INFINITY).withBatchRows(32 * ArrowWriteOptions.DEFAULT_BATCH_ROWS);

    private ImportRun() {
    }

    static List<Imported> write(Path dir, String runId, List<Path> files, List<String> cells, PrintStream console)
            throws IOException, ImportException {
        List<Imported> imported = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator(); ImportProgress progress = ImportProgress.start(files, console);
             Recorder recorder = new Recorder(dir, runId, cells, allocator, progress)) {
            for (int i = 0; i < files.size(); i++) {
                String format;
                Path file = files.get(i);
                ImportedCell cell = new ImportedCell(cells.get(i), recorder);
                List<String> repairs;
                try (PipedInput input = PipedInput.of(file, dir, i)) {
                    try {
                        CyclerFileReader reader = Importers.forFile(input.path());
                        if (reader instanceof ResReader res) {
                            reader = res.unpackingInto(dir); // a .res.gz unpacks here, under --out, not in /tmp
                        }
                        progress.reading(file, cells.get(i));
                        repairs = Repairs.read(reader, input.path(), cell);
                        format = reader.format();
                    } catch (ImportException e) {
                        throw input.named(e);
                    }
                }
                Imported one = new Imported(file, cells.get(i), format, cell.metadata(), repairs, cell.notes(),
                        cell.samples(), cell.spectra(), cell.largestCycleAh());
                imported.add(one);
                progress.done(file, summary(one));
            }
        }
        ImportManifest.annotate(dir, imported);
        return imported;
    }

    private static String summary(Imported one) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s -> cell %s: %s, %,d samples", one.file(),
                one.cellId(), one.reader(), one.samples()));
        if (one.spectra() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d spectr%s", one.spectra(), one.spectra() == 1 ? "um" : "a"));
        }
        for (ImportNote n : one.notes()) {
            s.append("\n  ").append(n);
        }
        return s.toString();
    }

    /** Opens the run directory at the first cell's start (its start time is the run's), then passes every event on. */
    private static final class Recorder implements ImportedCell.Recorder, AutoCloseable {
        private final Path dir;
        private final String runId;
        /** The cells in the order of their files: run.json's order. */
        private final List<String> cells;
        private final BufferAllocator allocator;
        private final ImportProgress progress;
        private RunDirectorySink sink;
        private long samples;
        /** Aux columns said before the sink is open (the first cell's come before its RunStarted opens it). */
        private final Map<String, List<Column>> aux = new java.util.HashMap<>();

        Recorder(Path dir, String runId, List<String> cells, BufferAllocator allocator, ImportProgress progress) {
            this.dir = dir;
            this.cells = List.copyOf(cells);
            this.progress = progress;
            this.runId = runId;
            this.allocator = allocator;
        }

        @Override
        public void on(RunEvent event) {
            if (sink == null) {
                double start = event instanceof RunEvent.RunStarted s ? s.unixTimeSecond() : Double.NaN;
                // a first file without a clock: the run is dated when it was imported
                Instant at = Double.isFinite(start) ? Instant.ofEpochMilli(Math.round(start * 1000)) : Instant.now();
                try {
                    sink = RunDirectorySink.open(dir, new RunInfo(runId, at, VersionProvider.version(),
                            Map.of(), cells), OPTIONS, allocator);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                aux.forEach(sink::auxColumns);
            }
            sink.on(event);
        }

        @Override
        public void auxColumns(String cellId, List<Column> columns) {
            if (sink == null) {
                aux.put(cellId, columns);
            } else {
                sink.auxColumns(cellId, columns);
            }
        }

        @Override
        public void sample(RunEvent.SampleRecorded sample, double[] values) {
            sink.sample(sample, values);
            if ((++samples & 0xffff) == 0) {
                progress.rows(samples);
            }
        }

        @Override
        public void close() {
            if (sink != null) {
                sink.close();
            }
        }
    }

}
