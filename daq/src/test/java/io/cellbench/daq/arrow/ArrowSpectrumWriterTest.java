package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.testing.ArrowFilesTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

class ArrowSpectrumWriterTest extends ArrowFilesTest {
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER);

    /** A sweep from 1 MHz down with {@code n} points: R_s + R_ct || C, capacitive (Z'' < 0). */
    static Spectrum sweep(double t, int cycle, int n, double pressure) {
        List<ImpedancePoint> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double f = 1e6 * Math.pow(10, -k / 10.0);
            double w = 2 * Math.PI * f;
            double rct = 50;
            double c = 1e-6;
            double d = 1 + Math.pow(w * rct * c, 2);
            points.add(new ImpedancePoint(f, 10 + rct / d, -w * rct * rct * c / d));
        }
        return new Spectrum(t, 1.7e9 + t, cycle, 2 * cycle, 3, pressure, 25.0, points);
    }

    @Test
    void spectraRoundTripOneBatchEachAndNumberedOnFromTheFirstIndex() throws IOException {
        Path file = dir.resolve("spectra.arrows");
        List<Spectrum> written = List.of(sweep(10, 1, 61, 25e6), sweep(20, 2, 300, Double.NaN), sweep(30, 3, 5, 1e6));
        try (ArrowSpectrumWriter writer = ArrowSpectrumWriter.create(file, Map.of("cell_id", "A1"), OPTIONS,
                allocator, 7)) {
            assertEquals(7, writer.write(written.get(0)));
            assertEquals(-1, writer.write(new Spectrum(15, 1.7e9, 1, 1, 1, 0, 0, List.of())));
            assertEquals(8, writer.write(written.get(1)));
            assertEquals(9, writer.write(written.get(2)));
            assertEquals(10, writer.nextSpectrumIndex());
        }
        List<Spectrum> read = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        ReadReport report = ArrowSpectrumReader.read(List.of(file), allocator, (i, s) -> {
            indexes.add(i);
            read.add(s);
        });
        assertEquals(written, read);
        assertEquals(List.of(7, 8, 9), indexes);
        assertEquals(3, report.batches());
        assertEquals(366, report.rows());
        assertTrue(report.clean());
    }

    @Test
    void modulusAndPhaseAreDerivedAndEveryColumnHasAUnit() throws IOException {
        Path file = dir.resolve("spectra.arrows");
        Spectrum s = new Spectrum(1, 2, 1, 1, 1, Double.NaN, Double.NaN, List.of(
                new ImpedancePoint(1000, 3, -4), new ImpedancePoint(1, 1, 1)));
        try (ArrowSpectrumWriter writer = ArrowSpectrumWriter.create(file, Map.of(), OPTIONS, allocator, 1)) {
            writer.write(s);
        }
        try (FileChannel in = FileChannel.open(file);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            for (Field f : root.getSchema().getFields()) {
                assertTrue(f.getMetadata().containsKey("unit"), f.getName());
            }
            assertEquals("Ohm", root.getSchema().findField("absolute_impedance_ohm").getMetadata().get("unit"));
            assertEquals("deg", root.getSchema().findField("phase_degree").getMetadata().get("unit"));
            assertTrue(reader.loadNextBatch());
            Float8Vector mod = (Float8Vector) root.getVector("absolute_impedance_ohm");
            Float8Vector phase = (Float8Vector) root.getVector("phase_degree");
            assertEquals(5.0, mod.get(0), 1e-12);
            assertEquals(Math.toDegrees(Math.atan2(-4, 3)), phase.get(0), 1e-12);
            assertEquals(Math.sqrt(2), mod.get(1), 1e-12);
            assertEquals(45.0, phase.get(1), 1e-12);
            assertTrue(root.getVector("applied_pressure_pa").isNull(0));
        }
    }
}
