package io.cellbench.daq.arrow;

import io.cellbench.core.data.Spectrum;
import io.cellbench.core.data.SpectrumRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one cell's impedance spectra to an Arrow IPC stream file ({@code spectra.arrows}):
 * one row per frequency point, one record batch per spectrum, written (and forced per the
 * {@link FsyncPolicy}) as soon as the spectrum arrives. Spectra are numbered by
 * {@code spectrum_index}, counting on from {@code firstSpectrumIndex} (1 for a new cell, one
 * past the last one on disk for a resumed cell). Not thread-safe.
 */
public final class ArrowSpectrumWriter implements AutoCloseable {

    /** Points a batch has room for before it grows; a typical sweep has 40-70. */
    private static final int INITIAL_POINTS = 128;

    private final ArrowTableWriter<SpectrumRow> table;
    private int nextIndex;

    private ArrowSpectrumWriter(ArrowTableWriter<SpectrumRow> table, int firstSpectrumIndex) {
        this.table = table;
        this.nextIndex = firstSpectrumIndex;
    }

    /** Creates {@code file} (it must not exist) and writes the schema. */
    public static ArrowSpectrumWriter create(Path file, Map<String, String> runMetadata, ArrowWriteOptions options,
                                             BufferAllocator allocator, int firstSpectrumIndex) throws IOException {
        return new ArrowSpectrumWriter(ArrowTableWriter.create(file, SpectrumColumns.TABLE, runMetadata, options,
                allocator, INITIAL_POINTS), firstSpectrumIndex);
    }

    /**
     * Writes the spectrum as one batch and returns the index it was given. A spectrum with no
     * points is not written and takes no index (returns -1).
     */
    public int write(Spectrum spectrum) throws IOException {
        if (spectrum.points().isEmpty()) {
            return -1;
        }
        int index = nextIndex;
        for (int point = 0; point < spectrum.points().size(); point++) {
            table.add(new SpectrumRow(index, spectrum, point));
        }
        table.writeBatch();
        nextIndex++;
        return index;
    }

    /** The index the next spectrum will get. */
    public int nextSpectrumIndex() {
        return nextIndex;
    }

    public Path file() {
        return table.file();
    }

    /** Writes the end-of-stream marker and frees the memory. */
    @Override
    public void close() throws IOException {
        table.close();
    }
}
