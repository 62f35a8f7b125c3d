package io.cellbench.daq.run;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.arrow.ArrowCycleReader;
import io.cellbench.daq.arrow.ArrowCycleScan;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.arrow.ArrowSpectrumReader;
import io.cellbench.daq.arrow.ReadReport;
import io.cellbench.daq.arrow.Segments;
import io.cellbench.daq.cycles.CycleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Reads a run directory back. Samples and spectra stream through a consumer one Arrow batch
 * at a time, so a month of data never sits in memory. Every segment is read in order, and
 * what a crash leaves (a torn last batch, a file without its end marker) is read up to the
 * last complete batch and reported as a warning in the {@link ReadReport}.
 */
public final class RunReader implements AutoCloseable {

    private final Path directory;
    private final RunManifest manifest;
    private final BufferAllocator allocator;
    private final boolean ownsAllocator;

    private RunReader(Path directory, RunManifest manifest, BufferAllocator allocator, boolean ownsAllocator) {
        this.directory = directory;
        this.manifest = manifest;
        this.allocator = allocator;
        this.ownsAllocator = ownsAllocator;
    }

    /** Opens a run directory with an allocator of its own (closed with the reader). */
    public static RunReader open(Path directory) throws IOException {
        return new RunReader(directory, RunManifest.read(directory.resolve(RunLayout.RUN_JSON)),
                new RootAllocator(), true);
    }

    /** Opens a run directory; Arrow memory comes from children of {@code allocator}. */
    public static RunReader open(Path directory, BufferAllocator allocator) throws IOException {
        return new RunReader(directory, RunManifest.read(directory.resolve(RunLayout.RUN_JSON)), allocator, false);
    }

    public RunManifest manifest() {
        return manifest;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The cells of the run: those in run.json, in order, then any other directory under
     * cells/ (a crash between creating a cell's files and recording it in run.json).
     */
    public List<String> cells() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        manifest.cells().forEach(c -> ids.add(c.id()));
        Path cellsDir = directory.resolve(RunLayout.CELLS);
        if (Files.isDirectory(cellsDir)) {
            try (Stream<Path> dirs = Files.list(cellsDir)) {
                dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(ids::add);
            }
        }
        return List.copyOf(ids);
    }

    public Path cellDirectory(String cellId) throws IOException {
        Path dir = RunLayout.cellDirectory(directory, cellId);
        if (!Files.isDirectory(dir)) {
            throw new IOException("run " + manifest.runId() + " has no cell \"" + cellId + "\" (no directory "
                    + dir + "); its cells are " + cells());
        }
        return dir;
    }

    /** Streams the cell's samples, all segments in order. */
    public ReadReport samples(String cellId, Consumer<Sample> consumer) throws IOException {
        return ArrowSampleReader.read(sampleSegments(cellId), allocator, consumer);
    }

    /** Streams the cell's samples as rows of their files, each valid only during the call ({@link ArrowSampleReader#rows}). */
    public ReadReport sampleRows(String cellId, Consumer<ColumnSource> rows) throws IOException {
        return ArrowSampleReader.rows(sampleSegments(cellId), allocator, rows);
    }

    /** The float64 columns the cell's samples have beyond the sample table's: an imported file's aux channels. */
    public List<io.cellbench.daq.arrow.Column> sampleAuxColumns(String cellId) throws IOException {
        return ArrowSampleReader.auxColumns(sampleSegments(cellId), allocator);
    }

    /** Streams the cell's samples with the values of {@code aux} (of {@link #sampleAuxColumns}), NaN where absent. */
    public ReadReport samples(String cellId, List<io.cellbench.daq.arrow.Column> aux,
                              java.util.function.BiConsumer<Sample, double[]> consumer) throws IOException {
        return ArrowSampleReader.read(sampleSegments(cellId), allocator, aux, consumer);
    }

    /** The cell's sample files, in reading order. */
    public List<Path> sampleSegments(String cellId) throws IOException {
        return Segments.list(cellDirectory(cellId), RunLayout.SAMPLES);
    }

    /** Streams the cell's spectra, all segments in order, with the index each was stored under. */
    public ReadReport spectra(String cellId, ArrowSpectrumReader.SpectrumConsumer consumer) throws IOException {
        return ArrowSpectrumReader.read(Segments.list(cellDirectory(cellId), RunLayout.SPECTRA), allocator, consumer);
    }

    /** The cell's spectra as a list (a few hundred spectra of ~60 points are small). */
    public List<Spectrum> spectra(String cellId) throws IOException {
        List<Spectrum> spectra = new ArrayList<>();
        spectra(cellId, (index, s) -> spectra.add(s));
        return spectra;
    }

    /**
     * Streams the cell's cycle summaries from cycles.arrows when its writer closed it; when
     * the file is missing or was not closed (a crash, or the test is still running) they are
     * recomputed from the samples instead, the last, unfinished cycle included, and the
     * report says so.
     */
    public ReadReport cycles(String cellId, Consumer<CycleSummary> consumer) throws IOException {
        Path cellDir = cellDirectory(cellId);
        Path file = cellDir.resolve(CycleWriter.ARROW_FILE);
        String why;
        if (!Files.exists(file)) {
            why = "missing";
        } else if (!Segments.endsWithEndOfStream(file)) {
            why = "not closed by its writer (a crash, or the test is still running)";
        } else {
            return ArrowCycleReader.read(file, allocator, consumer);
        }
        ReadReport samples = recomputeCycles(cellId, consumer);
        List<String> warnings = new ArrayList<>();
        warnings.add(file + " is " + why + "; cycles recomputed from the samples");
        warnings.addAll(samples.warnings());
        return new ReadReport(samples.rows(), samples.batches(), samples.files(), warnings);
    }

    /**
     * The cell's cycle summaries worked out from its samples, whatever cycles.arrows holds (what
     * {@link #cycles(String, Consumer)} does when that file is missing or not closed).
     */
    public ReadReport recomputeCycles(String cellId, Consumer<CycleSummary> consumer) throws IOException {
        return ArrowCycleScan.cycles(sampleSegments(cellId), allocator, consumer);
    }

    /** The cell's cycle summaries as a list. */
    public List<CycleSummary> cycles(String cellId) throws IOException {
        List<CycleSummary> cycles = new ArrayList<>();
        cycles(cellId, cycles::add);
        return cycles;
    }

    @Override
    public void close() {
        if (ownsAllocator) {
            allocator.close();
        }
    }
}
