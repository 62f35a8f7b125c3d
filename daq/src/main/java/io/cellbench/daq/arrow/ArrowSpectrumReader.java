package io.cellbench.daq.arrow;

import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads spectra back from one or more stream segments, in order. Consecutive rows with the
 * same {@code spectrum_index} form one spectrum (the writer puts each in its own batch, but
 * the reader does not rely on it).
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
        ReadReport report = ArrowStreamScan.read(segments, allocator, (root, file) -> assembler.add(root));
        assembler.finish();
        return report;
    }

    /** Collects the rows of one spectrum; hands it over when the index changes. */
    private static final class Assembler {
        private final SpectrumConsumer consumer;
        private final List<ImpedancePoint> points = new ArrayList<>();
        private int index;
        private double testTime;
        private double unixTime;
        private int cycleCount;
        private int stepCount;
        private int stepIndex;
        private double pressure;
        private double temperature;

        Assembler(SpectrumConsumer consumer) {
            this.consumer = consumer;
        }

        void add(VectorSchemaRoot root) {
            ColumnValues.Ints spectrumIndex = ColumnValues.ints(root, SpectrumColumns.SPECTRUM_INDEX);
            ColumnValues.Doubles testTimes = ColumnValues.doubles(root, SpectrumColumns.TEST_TIME);
            ColumnValues.Doubles unixTimes = ColumnValues.doubles(root, SpectrumColumns.UNIX_TIME);
            ColumnValues.Ints cycleCounts = ColumnValues.ints(root, SpectrumColumns.CYCLE_COUNT);
            ColumnValues.Ints stepCounts = ColumnValues.ints(root, SpectrumColumns.STEP_COUNT);
            ColumnValues.Ints stepIndexes = ColumnValues.ints(root, SpectrumColumns.STEP_INDEX);
            ColumnValues.Doubles frequency = ColumnValues.doubles(root, SpectrumColumns.FREQUENCY);
            ColumnValues.Doubles zReal = ColumnValues.doubles(root, SpectrumColumns.Z_REAL);
            ColumnValues.Doubles zImag = ColumnValues.doubles(root, SpectrumColumns.Z_IMAG);
            ColumnValues.Doubles pressures = ColumnValues.doubles(root, SpectrumColumns.APPLIED_PRESSURE);
            ColumnValues.Doubles temperatures = ColumnValues.doubles(root, SpectrumColumns.AMBIENT_TEMPERATURE);
            for (int i = 0; i < root.getRowCount(); i++) {
                int rowIndex = spectrumIndex.get(i);
                if (points.isEmpty() || rowIndex != index) {
                    finish();
                    index = rowIndex;
                    testTime = testTimes.get(i);
                    unixTime = unixTimes.get(i);
                    cycleCount = cycleCounts.get(i);
                    stepCount = stepCounts.get(i);
                    stepIndex = stepIndexes.get(i);
                    pressure = pressures.get(i);
                    temperature = temperatures.get(i);
                }
                points.add(new ImpedancePoint(frequency.get(i), zReal.get(i), zImag.get(i)));
            }
        }

        void finish() {
            if (points.isEmpty()) {
                return;
            }
            consumer.accept(index, new Spectrum(testTime, unixTime, cycleCount, stepCount, stepIndex,
                    pressure, temperature, points));
            points.clear();
        }
    }
}
