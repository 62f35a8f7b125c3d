package io.cellbench.daq.arrow;

import io.cellbench.core.data.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads samples back from one or more stream segments, in order, one batch in memory at a
 * time. A torn last batch in a segment (a crash) is skipped with a warning in the report.
 */
public final class ArrowSampleReader {

    private ArrowSampleReader() {
    }

    public static ReadReport read(List<Path> segments, BufferAllocator allocator, Consumer<Sample> consumer)
            throws IOException {
        return ArrowStreamScan.read(segments, allocator, (root, file) -> deliver(root, consumer));
    }

    private static void deliver(VectorSchemaRoot root, Consumer<Sample> consumer) {
        ColumnValues.Doubles testTime = ColumnValues.doubles(root, SampleColumns.TEST_TIME);
        ColumnValues.Doubles unixTime = ColumnValues.doubles(root, SampleColumns.UNIX_TIME);
        ColumnValues.Doubles voltage = ColumnValues.doubles(root, SampleColumns.VOLTAGE);
        ColumnValues.Doubles current = ColumnValues.doubles(root, SampleColumns.CURRENT);
        ColumnValues.Ints cycleCount = ColumnValues.ints(root, SampleColumns.CYCLE_COUNT);
        ColumnValues.Ints stepCount = ColumnValues.ints(root, SampleColumns.STEP_COUNT);
        ColumnValues.Ints stepIndex = ColumnValues.ints(root, SampleColumns.STEP_INDEX);
        ColumnValues.Doubles chargingCapacity = ColumnValues.doubles(root, SampleColumns.CHARGING_CAPACITY);
        ColumnValues.Doubles dischargingCapacity = ColumnValues.doubles(root, SampleColumns.DISCHARGING_CAPACITY);
        ColumnValues.Doubles stepCapacity = ColumnValues.doubles(root, SampleColumns.STEP_CAPACITY);
        ColumnValues.Doubles netCapacity = ColumnValues.doubles(root, SampleColumns.NET_CAPACITY);
        ColumnValues.Doubles cumulativeCapacity = ColumnValues.doubles(root, SampleColumns.CUMULATIVE_CAPACITY);
        ColumnValues.Doubles chargingEnergy = ColumnValues.doubles(root, SampleColumns.CHARGING_ENERGY);
        ColumnValues.Doubles dischargingEnergy = ColumnValues.doubles(root, SampleColumns.DISCHARGING_ENERGY);
        ColumnValues.Doubles stepEnergy = ColumnValues.doubles(root, SampleColumns.STEP_ENERGY);
        ColumnValues.Doubles netEnergy = ColumnValues.doubles(root, SampleColumns.NET_ENERGY);
        ColumnValues.Doubles cumulativeEnergy = ColumnValues.doubles(root, SampleColumns.CUMULATIVE_ENERGY);
        ColumnValues.Doubles power = ColumnValues.doubles(root, SampleColumns.POWER);
        ColumnValues.Doubles appliedPressure = ColumnValues.doubles(root, SampleColumns.APPLIED_PRESSURE);
        ColumnValues.Doubles ambientTemperature = ColumnValues.doubles(root, SampleColumns.AMBIENT_TEMPERATURE);
        int rows = root.getRowCount();
        for (int i = 0; i < rows; i++) {
            consumer.accept(new Sample(
                    testTime.get(i), unixTime.get(i), voltage.get(i), current.get(i),
                    cycleCount.get(i), stepCount.get(i), stepIndex.get(i),
                    chargingCapacity.get(i), dischargingCapacity.get(i), stepCapacity.get(i),
                    netCapacity.get(i), cumulativeCapacity.get(i),
                    chargingEnergy.get(i), dischargingEnergy.get(i), stepEnergy.get(i),
                    netEnergy.get(i), cumulativeEnergy.get(i),
                    power.get(i), appliedPressure.get(i), ambientTemperature.get(i)));
        }
    }
}
