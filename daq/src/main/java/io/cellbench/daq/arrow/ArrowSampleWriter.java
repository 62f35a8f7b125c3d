package io.cellbench.daq.arrow;

import io.cellbench.core.data.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes one cell's samples to an Arrow IPC stream file ({@code samples.arrows}), columns as
 * in {@link SampleColumns}, the run's metadata as schema metadata.
 *
 * <p>Rows collect in one reused batch; the batch is written (and forced per the
 * {@link FsyncPolicy}) when it holds {@link ArrowWriteOptions#batchRows()} rows, when its rows
 * span {@link ArrowWriteOptions#maxBufferedSeconds()} of test time, and on {@link #flush()}.
 * {@link #close()} writes the end-of-stream marker. A stream file cannot be reopened for
 * appending: after a restart, write a new segment ({@link Segments#next}) and read all
 * segments in order. Not thread-safe: one writer per cell, used from that cell's thread.
 */
public final class ArrowSampleWriter implements AutoCloseable {

    private final ArrowStreamOutput output;
    private final int batchRows;
    private final double maxBufferedSeconds;
    private final Float8Vector testTime;
    private final Float8Vector unixTime;
    private final Float8Vector voltage;
    private final Float8Vector current;
    private final IntVector cycleCount;
    private final IntVector stepCount;
    private final IntVector stepIndex;
    private final Float8Vector chargingCapacity;
    private final Float8Vector dischargingCapacity;
    private final Float8Vector stepCapacity;
    private final Float8Vector netCapacity;
    private final Float8Vector cumulativeCapacity;
    private final Float8Vector chargingEnergy;
    private final Float8Vector dischargingEnergy;
    private final Float8Vector stepEnergy;
    private final Float8Vector netEnergy;
    private final Float8Vector cumulativeEnergy;
    private final Float8Vector power;
    private final Float8Vector appliedPressure;
    private final Float8Vector ambientTemperature;
    private int buffered;
    private double firstBufferedTestTime;
    private long rowsWritten;

    private ArrowSampleWriter(ArrowStreamOutput output, ArrowWriteOptions options) {
        this.output = output;
        this.batchRows = options.batchRows();
        this.maxBufferedSeconds = options.maxBufferedSeconds();
        VectorSchemaRoot root = output.root();
        testTime = float8(root, SampleColumns.TEST_TIME);
        unixTime = float8(root, SampleColumns.UNIX_TIME);
        voltage = float8(root, SampleColumns.VOLTAGE);
        current = float8(root, SampleColumns.CURRENT);
        cycleCount = int32(root, SampleColumns.CYCLE_COUNT);
        stepCount = int32(root, SampleColumns.STEP_COUNT);
        stepIndex = int32(root, SampleColumns.STEP_INDEX);
        chargingCapacity = float8(root, SampleColumns.CHARGING_CAPACITY);
        dischargingCapacity = float8(root, SampleColumns.DISCHARGING_CAPACITY);
        stepCapacity = float8(root, SampleColumns.STEP_CAPACITY);
        netCapacity = float8(root, SampleColumns.NET_CAPACITY);
        cumulativeCapacity = float8(root, SampleColumns.CUMULATIVE_CAPACITY);
        chargingEnergy = float8(root, SampleColumns.CHARGING_ENERGY);
        dischargingEnergy = float8(root, SampleColumns.DISCHARGING_ENERGY);
        stepEnergy = float8(root, SampleColumns.STEP_ENERGY);
        netEnergy = float8(root, SampleColumns.NET_ENERGY);
        cumulativeEnergy = float8(root, SampleColumns.CUMULATIVE_ENERGY);
        power = float8(root, SampleColumns.POWER);
        appliedPressure = float8(root, SampleColumns.APPLIED_PRESSURE);
        ambientTemperature = float8(root, SampleColumns.AMBIENT_TEMPERATURE);
    }

    /**
     * Creates {@code file} (it must not exist) and writes the schema with {@code runMetadata}
     * as schema metadata. Memory comes from a child of {@code allocator}, freed on close.
     */
    public static ArrowSampleWriter create(Path file, Map<String, String> runMetadata, ArrowWriteOptions options,
                                           BufferAllocator allocator) throws IOException {
        ArrowStreamOutput output = ArrowStreamOutput.create(
                file, SampleColumns.schema(runMetadata), options, allocator, options.batchRows());
        return new ArrowSampleWriter(output, options);
    }

    /** Adds one row; writes the batch when it is full or spans the buffering time. */
    public void write(Sample s) throws IOException {
        if (buffered == batchRows) {
            flush(); // a previous flush failed: retry before the batch overflows
        }
        int i = buffered;
        if (i == 0) {
            firstBufferedTestTime = s.testTimeSecond();
        }
        put(testTime, i, s.testTimeSecond());
        put(unixTime, i, s.unixTimeSecond());
        put(voltage, i, s.voltageVolt());
        put(current, i, s.currentAmpere());
        cycleCount.set(i, s.cycleCount());
        stepCount.set(i, s.stepCount());
        stepIndex.set(i, s.stepIndex());
        put(chargingCapacity, i, s.chargingCapacityAh());
        put(dischargingCapacity, i, s.dischargingCapacityAh());
        put(stepCapacity, i, s.stepCapacityAh());
        put(netCapacity, i, s.netCapacityAh());
        put(cumulativeCapacity, i, s.cumulativeCapacityAh());
        put(chargingEnergy, i, s.chargingEnergyWh());
        put(dischargingEnergy, i, s.dischargingEnergyWh());
        put(stepEnergy, i, s.stepEnergyWh());
        put(netEnergy, i, s.netEnergyWh());
        put(cumulativeEnergy, i, s.cumulativeEnergyWh());
        put(power, i, s.powerWatt());
        put(appliedPressure, i, s.appliedPressurePa());
        put(ambientTemperature, i, s.ambientTemperatureCelsius());
        buffered = i + 1;
        // The negated comparison also writes when a test time is NaN rather than holding rows.
        if (buffered == batchRows || !(s.testTimeSecond() - firstBufferedTestTime < maxBufferedSeconds)) {
            flush();
        }
    }

    /** Writes the buffered rows (if any) as one batch and forces them per the fsync policy. */
    public void flush() throws IOException {
        if (buffered == 0) {
            return;
        }
        output.writeBatch(buffered);
        rowsWritten += buffered;
        buffered = 0;
    }

    /** Rows written to the file so far (not counting rows still buffered). */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Rows buffered, not yet in the file. */
    public int rowsBuffered() {
        return buffered;
    }

    public long batchesWritten() {
        return output.batches();
    }

    /** Bytes in the file so far. */
    public long bytesWritten() {
        return output.bytesWritten();
    }

    public Path file() {
        return output.file();
    }

    /** Writes the buffered rows and the end-of-stream marker, then frees the memory. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            output.close();
        }
    }

    private static void put(Float8Vector vector, int index, double value) {
        if (Double.isNaN(value)) {
            vector.setNull(index);
        } else {
            vector.set(index, value);
        }
    }

    static Float8Vector float8(VectorSchemaRoot root, Column column) {
        return (Float8Vector) root.getVector(column.name());
    }

    static IntVector int32(VectorSchemaRoot root, Column column) {
        return (IntVector) root.getVector(column.name());
    }
}
