package io.cellbench.daq.arrow;

import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

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

    private final ArrowStreamOutput output;
    private final IntVector spectrumIndex;
    private final Float8Vector testTime;
    private final Float8Vector unixTime;
    private final IntVector cycleCount;
    private final IntVector stepCount;
    private final IntVector stepIndex;
    private final Float8Vector frequency;
    private final Float8Vector zReal;
    private final Float8Vector zImag;
    private final Float8Vector zMod;
    private final Float8Vector zPhase;
    private final Float8Vector appliedPressure;
    private final Float8Vector ambientTemperature;
    private int nextIndex;

    private ArrowSpectrumWriter(ArrowStreamOutput output, int firstSpectrumIndex) {
        this.output = output;
        this.nextIndex = firstSpectrumIndex;
        VectorSchemaRoot root = output.root();
        spectrumIndex = ArrowSampleWriter.int32(root, SpectrumColumns.SPECTRUM_INDEX);
        testTime = ArrowSampleWriter.float8(root, SpectrumColumns.TEST_TIME);
        unixTime = ArrowSampleWriter.float8(root, SpectrumColumns.UNIX_TIME);
        cycleCount = ArrowSampleWriter.int32(root, SpectrumColumns.CYCLE_COUNT);
        stepCount = ArrowSampleWriter.int32(root, SpectrumColumns.STEP_COUNT);
        stepIndex = ArrowSampleWriter.int32(root, SpectrumColumns.STEP_INDEX);
        frequency = ArrowSampleWriter.float8(root, SpectrumColumns.FREQUENCY);
        zReal = ArrowSampleWriter.float8(root, SpectrumColumns.Z_REAL);
        zImag = ArrowSampleWriter.float8(root, SpectrumColumns.Z_IMAG);
        zMod = ArrowSampleWriter.float8(root, SpectrumColumns.Z_MOD);
        zPhase = ArrowSampleWriter.float8(root, SpectrumColumns.Z_PHASE);
        appliedPressure = ArrowSampleWriter.float8(root, SpectrumColumns.APPLIED_PRESSURE);
        ambientTemperature = ArrowSampleWriter.float8(root, SpectrumColumns.AMBIENT_TEMPERATURE);
    }

    /** Creates {@code file} (it must not exist) and writes the schema. */
    public static ArrowSpectrumWriter create(Path file, Map<String, String> runMetadata, ArrowWriteOptions options,
                                             BufferAllocator allocator, int firstSpectrumIndex) throws IOException {
        ArrowStreamOutput output = ArrowStreamOutput.create(
                file, SpectrumColumns.schema(runMetadata), options, allocator, INITIAL_POINTS);
        return new ArrowSpectrumWriter(output, firstSpectrumIndex);
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
        int row = 0;
        for (ImpedancePoint p : spectrum.points()) {
            spectrumIndex.setSafe(row, index);
            put(testTime, row, spectrum.testTimeSecond());
            put(unixTime, row, spectrum.unixTimeSecond());
            cycleCount.setSafe(row, spectrum.cycleCount());
            stepCount.setSafe(row, spectrum.stepCount());
            stepIndex.setSafe(row, spectrum.stepIndex());
            put(frequency, row, p.frequencyHz());
            put(zReal, row, p.zRealOhm());
            put(zImag, row, p.zImagOhm());
            put(zMod, row, Math.hypot(p.zRealOhm(), p.zImagOhm()));
            put(zPhase, row, Math.toDegrees(Math.atan2(p.zImagOhm(), p.zRealOhm())));
            put(appliedPressure, row, spectrum.appliedPressurePa());
            put(ambientTemperature, row, spectrum.ambientTemperatureCelsius());
            row++;
        }
        output.writeBatch(row);
        nextIndex++;
        return index;
    }

    /** The index the next spectrum will get. */
    public int nextSpectrumIndex() {
        return nextIndex;
    }

    public Path file() {
        return output.file();
    }

    /** Writes the end-of-stream marker and frees the memory. */
    @Override
    public void close() throws IOException {
        output.close();
    }

    private static void put(Float8Vector vector, int index, double value) {
        if (Double.isNaN(value)) {
            vector.setNull(index);
        } else {
            vector.setSafe(index, value);
        }
    }
}
