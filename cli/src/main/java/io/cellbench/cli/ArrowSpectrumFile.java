package io.cellbench.cli;

import io.cellbench.cli.format.CountingRowWriter;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.arrow.ArrowSpectrumWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One cell's impedance points as an Arrow IPC stream file with the columns of spectra.arrows,
 * one batch per sweep. Points arrive one at a time; a sweep is written when the next one
 * starts. Sweeps are numbered from the first one exported.
 */
final class ArrowSpectrumFile extends CountingRowWriter<ImpedanceRow> {
    private final Path file;
    private final Map<String, String> metadata;
    private final BufferAllocator allocator;
    private final List<ImpedancePoint> points = new ArrayList<>();
    private ArrowSpectrumWriter writer;
    private ImpedanceRow first;

    ArrowSpectrumFile(Path file, Map<String, String> metadata, BufferAllocator allocator) {
        this.file = file;
        this.metadata = metadata;
        this.allocator = allocator;
    }

    @Override
    protected void append(ImpedanceRow row) throws IOException {
        if (first != null && row.spectrumIndex() != first.spectrumIndex()) {
            flush();
        }
        if (first == null) {
            first = row;
        }
        points.add(row.point());
    }

    @Override
    public void close() throws IOException {
        flush();
        if (writer == null) {
            writer = ArrowSpectrumWriter.create(file, metadata, ArrowSampleFile.EXPORT, allocator, 1);
        }
        writer.close();
    }

    private void flush() throws IOException {
        if (first == null) {
            return;
        }
        if (writer == null) {
            writer = ArrowSpectrumWriter.create(file, metadata, ArrowSampleFile.EXPORT, allocator,
                    (int) Math.min(Integer.MAX_VALUE, Math.max(0, first.spectrumIndex())));
        }
        writer.write(new Spectrum(first.testTimeSecond(), first.unixTimeSecond(), first.cycleCount(),
                first.stepCount(), first.stepIndex(), first.appliedPressurePa(), first.ambientTemperatureCelsius(),
                List.copyOf(points)));
        points.clear();
        first = null;
    }
}
