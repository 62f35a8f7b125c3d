package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.testing.ArrowFilesTest;
import io.cellbench.daq.testing.Samples;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrowSampleWriterTest extends ArrowFilesTest {
    private static final Map<String, String> META = Map.of("cell_id", "A1", "run_id", "run-1");
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER);

    @Test
    void everyColumnRoundTripsAcrossBatchesWithNaNStoredAsNull() throws IOException {
        Path file = dir.resolve("samples.arrows");
        List<Sample> written = Samples.numbered(0, 2_500);
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, META, OPTIONS.withBatchRows(1_000)
                .withMaxBufferedSeconds(1e9), allocator)) {
            for (Sample s : written) {
                writer.write(s);
            }
        }
        List<Sample> read = new ArrayList<>();
        ReadReport report = ArrowSampleReader.read(List.of(file), allocator, read::add);
        assertEquals(written, read);
        assertEquals(3, report.batches());
        assertTrue(report.clean(), report.warnings().toString());

        // In the file itself a missing temperature is a null, not a NaN.
        int nulls = 0;
        try (FileChannel in = FileChannel.open(file);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                Float8Vector temperature = (Float8Vector) root.getVector("ambient_temperature_celsius");
                for (int i = 0; i < root.getRowCount(); i++) {
                    if (temperature.isNull(i)) {
                        nulls++;
                    } else {
                        assertTrue(!Double.isNaN(temperature.get(i)));
                    }
                }
            }
        }
        assertEquals(written.stream().filter(s -> Double.isNaN(s.ambientTemperatureCelsius())).count(), nulls);
    }

    @Test
    void schemaCarriesBdfNamesUnitsLabelsAndTheRunMetadata() throws IOException {
        Path file = dir.resolve("samples.arrows");
        ArrowSampleWriter.create(file, META, OPTIONS, allocator).close();
        Schema schema;
        try (FileChannel in = FileChannel.open(file);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            schema = reader.getVectorSchemaRoot().getSchema();
        }
        assertEquals(META, schema.getCustomMetadata());
        List<String> names = schema.getFields().stream().map(Field::getName).toList();
        assertEquals(List.of("test_time_second", "unix_time_second", "voltage_volt", "current_ampere",
                "cycle_count", "step_count", "step_id", "step_record_index", "charging_capacity_ah",
                "discharging_capacity_ah", "cycle_charging_capacity_ah", "cycle_discharging_capacity_ah",
                "step_cumulative_capacity_ah", "net_capacity_ah", "cumulative_capacity_ah", "charging_energy_wh",
                "discharging_energy_wh", "cycle_charging_energy_wh", "cycle_discharging_energy_wh",
                "step_cumulative_energy_wh", "net_energy_wh", "cumulative_energy_wh",
                "power_watt", "applied_pressure_pa", "ambient_temperature_celsius"), names);
        assertEquals(Map.of("unit", "V", "label", "Voltage / V", "bdf_label", "Voltage / V"),
                schema.findField("voltage_volt").getMetadata());
        assertEquals("degC", schema.findField("ambient_temperature_celsius").getMetadata().get("unit"));
        assertEquals("Cycle Count / 1", schema.findField("cycle_count").getMetadata().get("bdf_label"));
        assertEquals("1", schema.findField("cycle_count").getMetadata().get("unit"));
        assertEquals("Charging Capacity / Ah", schema.findField("charging_capacity_ah").getMetadata().get("bdf_label"));
    }

    @Test
    void aBatchReachesTheFileEveryNRowsAndOnFlush() throws IOException {
        Path file = dir.resolve("samples.arrows");
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, META,
                OPTIONS.withBatchRows(100).withMaxBufferedSeconds(1e9), allocator)) {
            for (Sample s : Samples.numbered(0, 99)) {
                writer.write(s);
            }
            assertEquals(0, writer.rowsWritten());
            assertEquals(0, rowsOnDisk(file));
            writer.write(Samples.numbered(99));
            assertEquals(100, writer.rowsWritten());
            assertEquals(100, rowsOnDisk(file));

            for (Sample s : Samples.numbered(100, 7)) {
                writer.write(s);
            }
            assertEquals(7, writer.rowsBuffered());
            writer.flush();
            assertEquals(107, rowsOnDisk(file));
            assertEquals(2, writer.batchesWritten());
            writer.flush(); // nothing buffered: no empty batch
            assertEquals(2, writer.batchesWritten());
        }
        ReadReport report = ArrowSampleReader.read(List.of(file), allocator, s -> { });
        assertEquals(107, report.rows());
        assertTrue(report.clean());
    }

    @Test
    void slowLoggingStillReachesTheFileWithinTheBufferingTime() throws IOException {
        Path file = dir.resolve("samples.arrows");
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, META,
                OPTIONS.withBatchRows(1_024).withMaxBufferedSeconds(10), allocator)) {
            // numbered(i) is 0.5 s apart: rows 0..19 span 9.5 s, row 20 reaches 10 s.
            for (Sample s : Samples.numbered(0, 20)) {
                writer.write(s);
            }
            assertEquals(0, writer.rowsWritten());
            writer.write(Samples.numbered(20));
            assertEquals(21, writer.rowsWritten());
            assertEquals(21, rowsOnDisk(file));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ArrowCompression.class, names = {"LZ4_FRAME", "ZSTD"})
    void compressedFilesRoundTripAndAreSmaller(ArrowCompression compression) throws IOException {
        List<Sample> written = Samples.numbered(0, 3_000);
        Path plain = dir.resolve("plain.arrows");
        Path packed = dir.resolve("packed.arrows");
        for (Path file : List.of(plain, packed)) {
            ArrowWriteOptions options = OPTIONS.withBatchRows(1_024)
                    .withCompression(file == packed ? compression : ArrowCompression.NONE);
            try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, META, options, allocator)) {
                for (Sample s : written) {
                    writer.write(s);
                }
            }
        }
        List<Sample> read = new ArrayList<>();
        ReadReport report = ArrowSampleReader.read(List.of(packed), allocator, read::add);
        assertEquals(written, read);
        assertTrue(report.clean(), report.warnings().toString());
        assertTrue(Files.size(packed) < Files.size(plain),
                compression + ": " + Files.size(packed) + " bytes vs " + Files.size(plain) + " uncompressed");
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Path file = dir.resolve("samples.arrows");
        Files.writeString(file, "precious");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> ArrowSampleWriter.create(file, META, OPTIONS, allocator));
        assertTrue(e.getMessage().contains("never overwrites"), e.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void aFileWithNoSamplesIsAValidEmptyStream() throws IOException {
        Path file = dir.resolve("samples.arrows");
        ArrowSampleWriter.create(file, META, OPTIONS, allocator).close();
        ReadReport report = ArrowSampleReader.read(List.of(file), allocator, s -> { });
        assertEquals(0, report.rows());
        assertTrue(report.clean(), report.warnings().toString());
    }

    private long rowsOnDisk(Path file) throws IOException {
        return ArrowSampleReader.read(List.of(file), allocator, s -> { }).rows();
    }
}
