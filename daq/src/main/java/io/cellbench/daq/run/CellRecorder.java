package io.cellbench.daq.run;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.arrow.ArrowSampleWriter;
import io.cellbench.daq.arrow.ArrowSpectrumReader;
import io.cellbench.daq.arrow.ArrowSpectrumWriter;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.arrow.Segments;
import io.cellbench.daq.cycles.CycleStatistics;
import io.cellbench.daq.cycles.CycleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One cell's files in a run directory, from its RunStarted to its RunEnded: a new sample
 * segment, a new spectrum segment and the cycle files, fed as events arrive. Events of one
 * cell come from one thread; the lock only guards against the sink closing the cell from
 * another thread at the same time.
 */
final class CellRecorder {

    private final String cellId;
    private final Path directory;
    private final BufferAllocator allocator;
    private final ArrowSampleWriter samples;
    private final ArrowSpectrumWriter spectra;
    private final CycleWriter cycles;
    private final CycleStatistics statistics;
    private final ReentrantLock lock = new ReentrantLock();
    /** unix time minus test time, from the latest sample: dates events that carry test time only. */
    private double unixMinusTestTime;
    private boolean closed;

    private CellRecorder(String cellId, Path directory, BufferAllocator allocator, ArrowSampleWriter samples,
                         ArrowSpectrumWriter spectra, CycleWriter cycles, CycleStatistics statistics,
                         double unixMinusTestTime) {
        this.cellId = cellId;
        this.directory = directory;
        this.allocator = allocator;
        this.samples = samples;
        this.spectra = spectra;
        this.cycles = cycles;
        this.statistics = statistics;
        this.unixMinusTestTime = unixMinusTestTime;
    }

    /**
     * Opens the cell's files. A resumed cell keeps its earlier segments and gets new ones; its
     * cycle statistics are rebuilt from the samples on disk (so the cycle in progress at the
     * crash continues) and its cycle files are rewritten from them. A cell started afresh must
     * have no data yet: two tests never share files.
     */
    static CellRecorder open(Path directory, RunStarted start, Map<String, String> metadata, List<Column> aux,
                             ArrowWriteOptions options, BufferAllocator parent) throws IOException {
        String cellId = start.cellId();
        List<Path> oldSamples = Segments.list(directory, RunLayout.SAMPLES);
        List<Path> oldSpectra = Segments.list(directory, RunLayout.SPECTRA);
        Files.createDirectories(directory);
        BufferAllocator allocator = parent.newChildAllocator("cell " + cellId, 0, Long.MAX_VALUE);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            CycleStatistics statistics = new CycleStatistics();
            List<CycleSummary> completed = new ArrayList<>();
            double[] offset = {start.resumed() ? Double.NaN : start.unixTimeSecond()};
            long rows = ArrowSampleReader.read(oldSamples, allocator, s -> {
                statistics.add(s).ifPresent(completed::add);
                offset[0] = s.unixTimeSecond() - s.testTimeSecond();
            }).rows();
            int[] lastSpectrum = {0};
            rows += ArrowSpectrumReader.read(oldSpectra, allocator,
                    (index, s) -> lastSpectrum[0] = Math.max(lastSpectrum[0], index)).rows();
            // Files without a row (a start cut short before anything was recorded) hold nothing to keep apart.
            if (!start.resumed() && rows > 0) {
                throw new IllegalStateException("cell " + cellId + " already has recorded data in " + directory
                        + "; a new test of this cell needs a new run directory (to continue the old test, resume it)");
            }
            // Derived files: rebuilt from the samples, which are the record.
            Files.deleteIfExists(directory.resolve(CycleWriter.ARROW_FILE));
            Files.deleteIfExists(directory.resolve(CycleWriter.CSV_FILE));

            ArrowSampleWriter samples = ArrowSampleWriter.create(
                    Segments.next(directory, RunLayout.SAMPLES), metadata, aux, options, allocator);
            opened.add(samples);
            ArrowSpectrumWriter spectra = ArrowSpectrumWriter.create(
                    Segments.next(directory, RunLayout.SPECTRA), metadata, options, allocator, lastSpectrum[0] + 1);
            opened.add(spectra);
            CycleWriter cycles = CycleWriter.create(directory, metadata, options, allocator);
            opened.add(cycles);
            for (CycleSummary c : completed) {
                cycles.write(c);
            }
            return new CellRecorder(cellId, directory, allocator, samples, spectra, cycles, statistics, offset[0]);
        } catch (IOException | RuntimeException e) {
            opened.add(allocator);
            closeAll(opened, e);
            throw e;
        }
    }

    void sample(Sample sample, double[] aux) throws IOException {
        lock.lock();
        try {
            requireOpen();
            samples.write(sample, aux);
            unixMinusTestTime = sample.unixTimeSecond() - sample.testTimeSecond();
            var completed = statistics.add(sample);
            if (completed.isPresent()) {
                cycles.write(completed.get());
            }
        } finally {
            lock.unlock();
        }
    }

    void spectrum(Spectrum spectrum) throws IOException {
        lock.lock();
        try {
            requireOpen();
            spectra.write(spectrum);
        } finally {
            lock.unlock();
        }
    }

    /** Writes buffered samples now (they are otherwise written by batch size or age). */
    void flush() throws IOException {
        lock.lock();
        try {
            if (!closed) {
                samples.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The wall-clock time of a test time of this cell, or NaN before the first sample of a resumed cell. */
    double unixTimeOf(double testTimeSecond) {
        lock.lock();
        try {
            return unixMinusTestTime + testTimeSecond;
        } finally {
            lock.unlock();
        }
    }

    Path directory() {
        return directory;
    }

    /** The sample segment this recorder writes. */
    Path samplesFile() {
        return samples.file();
    }

    /** The spectrum segment this recorder writes. */
    Path spectraFile() {
        return spectra.file();
    }

    /** Summarises the cycle in progress, writes everything buffered, closes the files. */
    void finish() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOException failure = null;
            try {
                var last = statistics.finish();
                if (last.isPresent()) {
                    cycles.write(last.get());
                }
            } catch (IOException e) {
                failure = e;
            }
            closeAll(List.of(samples, spectra, cycles, allocator), failure);
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("cell " + cellId + ": its files are already closed (event after"
                    + " RunEnded, or after the sink was closed)");
        }
    }

    /**
     * Closes everything, in order, even if some fail; failures are added to {@code failure}
     * (or, when it is null, the first becomes the thrown exception).
     */
    private static <E extends Exception> void closeAll(List<? extends AutoCloseable> resources, E failure)
            throws IOException {
        IOException first = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
