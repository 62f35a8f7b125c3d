package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.core.instrument.ImpedancePoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads spectra back from one or more stream segments, in order. Consecutive rows with the
 * same {@code spectrum_index} form one spectrum (the writer puts each in its own batch, but
 * the reader does not rely on it); where it was taken is read from its first row.
 */
public final class ArrowSpectrumReader {

    /** Receives a spectrum and the index it was stored under. */
    @FunctionalInterface
    public interface SpectrumConsumer {
        void accept(int spectrumIndex, Spectrum spectrum);
    }

    private ArrowSpectrumReader() {
    }

    public static ReadReport read(List<Path> segments, BufferAllocator allocator, SpectrumConsumer consumer)
            throws IOException {
        Assembler assembler = new Assembler(consumer);
        ReadReport report = ArrowTableReader.read(segments, allocator, SpectrumColumns.TABLE, assembler::add);
        assembler.finish();
        return report;
    }

    /** Collects the rows of one spectrum; hands it over when the index changes. */
    private static final class Assembler {
        private final SpectrumConsumer consumer;
        private final List<ImpedancePoint> points = new ArrayList<>();
        private int index;
        /** The spectrum's first row, which says where it was taken (its points are added later). */
        private Spectrum first;

        Assembler(SpectrumConsumer consumer) {
            this.consumer = consumer;
        }

        void add(ColumnSource row) {
            int rowIndex = row.integer(SpectrumField.SPECTRUM_INDEX);
            if (points.isEmpty() || rowIndex != index) {
                finish();
                index = rowIndex;
                first = SpectrumField.spectrum(row, List.of());
            }
            points.add(SpectrumField.point(row));
        }

        void finish() {
            if (points.isEmpty()) {
                return;
            }
            consumer.accept(index, first.withPoints(points));
            points.clear();
        }
    }
}
