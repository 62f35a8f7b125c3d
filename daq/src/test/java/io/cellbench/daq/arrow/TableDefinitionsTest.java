package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.core.data.SpectrumRow;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.testing.ArrowFilesTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The tables' definitions in core (SampleField, CycleField, SpectrumField) are what the Arrow
 * writers write today: the same columns in the same order, and in every row the value each
 * definition takes from its record, bit for bit (NaN written as null). So a writer derived from
 * the definitions writes the same files.
 */
class TableDefinitionsTest extends ArrowFilesTest {
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER);

    @Test
    void samplesArrowsHoldsWhatSampleFieldTakesFromEachSample() throws IOException {
        List<Sample> samples = List.of(
                new Sample(0, 1.7e9, 3.7, 0.5, 1, 1, 1, 0.1, 0, 0.1, 0.1, 0.1, 0.37, 0, 0.37, 0.37, 0.37, 1.85, 25e6, 30, 1, 0.1, 0, 0.37, 0),
                new Sample(1.5, 1.7e9 + 1.5, 3.1, -0.25, 2, 3, 2, 0, 0.2, -0.2, -0.1, 0.3, 0, 0.6, -0.6, -0.2, 0.97, -0.775,
                        Double.NaN, Double.NaN, 1, 0, 0.2, 0, 0.6));
        Path file = dir.resolve("samples.arrows");
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, Map.of(), OPTIONS, allocator)) {
            for (Sample s : samples) {
                writer.write(s);
            }
        }
        assertColumns(file, SampleField.values(), samples::get, samples.size());
    }

    @Test
    void cyclesArrowsHoldsWhatCycleFieldTakesFromEachSummary() throws IOException {
        List<CycleSummary> cycles = List.of(
                new CycleSummary(1, 0, 3600, 0.002, 0.0017, 0.0074, 0.0062, 0.85, 0.84, 3.7, 3.6, 4.2, 3.0, 2.95, 4.2),
                new CycleSummary(2, 3600, 1800, 0.001, Double.NaN, 0.0037, Double.NaN, Double.NaN, Double.NaN, 3.7,
                        Double.NaN, 4.2, Double.NaN, Double.NaN, Double.NaN));
        Path file = dir.resolve("cycles.arrows");
        try (ArrowCycleWriter writer = ArrowCycleWriter.create(file, Map.of(), OPTIONS, allocator)) {
            for (CycleSummary c : cycles) {
                writer.write(c);
            }
        }
        assertColumns(file, CycleField.values(), cycles::get, cycles.size());
    }

    @Test
    void spectraArrowsHoldsWhatSpectrumFieldTakesFromEachPoint() throws IOException {
        Spectrum spectrum = new Spectrum(50.5, 1.7e9 + 50.5, 2, 7, 3, 25e6, Double.NaN, List.of(
                new ImpedancePoint(1e5, 10.3, -0.7), new ImpedancePoint(1, 60, -25), new ImpedancePoint(0.1, 75, 3)));
        Path file = dir.resolve("spectra.arrows");
        try (ArrowSpectrumWriter writer = ArrowSpectrumWriter.create(file, Map.of(), OPTIONS, allocator, 4)) {
            writer.write(spectrum);
        }
        assertColumns(file, SpectrumField.values(), i -> new SpectrumRow(4, spectrum, i), spectrum.points().size());
    }

    private <R> void assertColumns(Path file, DataColumn<R>[] table, IntFunction<R> row, int rows) throws IOException {
        List<String> names = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file);
             ArrowStreamReader reader = new ArrowStreamReader(channel, allocator, ArrowCompression.readerFactory())) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            root.getSchema().getFields().forEach(f -> names.add(f.getName()));
            assertEquals(List.of(table).stream().map(DataColumn::columnName).toList(), names);
            int read = 0;
            while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++, read++) {
                    for (DataColumn<R> c : table) {
                        String where = c.columnName() + " of row " + read;
                        switch (c.kind()) {
                            case FLOAT64 -> {
                                Float8Vector v = (Float8Vector) root.getVector(c.columnName());
                                double expected = c.number(row.apply(read));
                                assertEquals(Double.isNaN(expected), v.isNull(i), where + " is null exactly when NaN");
                                if (!v.isNull(i)) {
                                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v.get(i)),
                                            where);
                                }
                            }
                            case INT32 -> assertEquals(c.integer(row.apply(read)),
                                    ((IntVector) root.getVector(c.columnName())).get(i), where);
                        }
                    }
                }
            }
            assertEquals(rows, read);
        }
    }
}
