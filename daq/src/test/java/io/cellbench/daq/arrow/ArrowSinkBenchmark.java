package io.cellbench.daq.arrow;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.testing.Samples;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Samples per second through {@link ArrowSampleWriter}, against a bare Arrow stream writer
 * that writes the same 20 columns to the same kind of file in the same run (no NaN
 * handling, no metadata, no time-based flushing). Goals: writer/bare ≥ 0.8 and ≥ 2 million
 * samples/s. Not a test; run it by hand (see docs/data.md):
 * <pre>ArrowSinkBenchmark [samples per round, default 5,000,000] [directory, default java.io.tmpdir]</pre>
 */
public final class ArrowSinkBenchmark {

    private static final int BATCH = 1_024;
    private static final Sample[] SAMPLES = Samples.numbered(0, 4_096).toArray(Sample[]::new);

    private ArrowSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 5_000_000;
        Path dir = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")),
                "cellbench-bench");
        System.out.printf("ArrowSinkBenchmark: %,d samples per round, batches of %,d rows, files in %s, JDK %s%n",
                rows, BATCH, dir, Runtime.version());
        ArrowWriteOptions plain = new ArrowWriteOptions(BATCH, 1e9, ArrowCompression.NONE, FsyncPolicy.NEVER);
        try (BufferAllocator allocator = new RootAllocator()) {
            // Warm-up: let the JIT compile both paths.
            for (int i = 0; i < 2; i++) {
                bare(dir, allocator, rows / 5);
                writer(dir, allocator, rows / 5, plain);
            }
            double[] bare = new double[5];
            double[] writer = new double[5];
            for (int round = 0; round < bare.length; round++) { // interleaved, so drift hits both alike
                bare[round] = bare(dir, allocator, rows);
                writer[round] = writer(dir, allocator, rows, plain);
            }
            double bareMedian = median(bare);
            double writerMedian = median(writer);
            System.out.printf("bare Arrow stream writer : %,12.0f samples/s (median of %d; rounds %s)%n",
                    bareMedian, bare.length, rounds(bare));
            System.out.printf("ArrowSampleWriter        : %,12.0f samples/s (median of %d; rounds %s)%n",
                    writerMedian, writer.length, rounds(writer));
            System.out.printf("ratio writer/bare        : %12.2f   (goal >= 0.80)%n", writerMedian / bareMedian);
            System.out.printf("goal >= 2,000,000 samples/s: %s%n", writerMedian >= 2e6 ? "met" : "NOT met");

            // Fewer rows here: LZ4_FRAME (commons-compress in Arrow Java) manages only thousands per second.
            int n = Math.min(rows / 5, 100_000);
            System.out.printf("other settings of ArrowSampleWriter (%,d samples, median of 3):%n", n);
            for (ArrowWriteOptions options : List.of(
                    plain.withFsync(FsyncPolicy.EVERY_BATCH),
                    plain.withCompression(ArrowCompression.LZ4_FRAME),
                    plain.withCompression(ArrowCompression.ZSTD))) {
                double[] r = new double[3];
                long[] size = new long[1];
                for (int i = 0; i < r.length; i++) {
                    r[i] = writer(dir, allocator, n, options, size);
                }
                System.out.printf("  compression %-9s fsync %-11s: %,12.0f samples/s, %5.1f bytes/sample%n",
                        options.compression(), options.fsync(), median(r), (double) size[0] / n);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static double writer(Path dir, BufferAllocator allocator, int rows, ArrowWriteOptions options)
            throws IOException {
        return writer(dir, allocator, rows, options, new long[1]);
    }

    private static double writer(Path dir, BufferAllocator allocator, int rows, ArrowWriteOptions options,
                                 long[] size) throws IOException {
        Path file = dir.resolve("writer.arrows");
        long start = System.nanoTime();
        try (ArrowSampleWriter writer = ArrowSampleWriter.create(file, Map.of("cell_id", "bench"), options,
                allocator)) {
            for (int i = 0; i < rows; i++) {
                writer.write(SAMPLES[i & 4095]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        size[0] = Files.size(file);
        Files.delete(file);
        return rows / seconds;
    }

    /** The least code that writes the same columns as an Arrow stream. */
    private static double bare(Path dir, BufferAllocator allocator, int rows) throws IOException {
        Path file = dir.resolve("bare.arrows");
        long start = System.nanoTime();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SampleColumns.schema(Map.of()), allocator);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowStreamWriter out = new ArrowStreamWriter(root, new DictionaryProvider.MapDictionaryProvider(),
                     channel)) {
            for (FieldVector v : root.getFieldVectors()) {
                v.setInitialCapacity(BATCH);
            }
            root.allocateNew();
            List<FieldVector> v = root.getFieldVectors();
            Float8Vector[] d = new Float8Vector[20];
            IntVector[] n = new IntVector[20];
            for (int c = 0; c < 20; c++) {
                if (v.get(c) instanceof Float8Vector f) {
                    d[c] = f;
                } else {
                    n[c] = (IntVector) v.get(c);
                }
            }
            out.start();
            int row = 0;
            for (int i = 0; i < rows; i++) {
                Sample s = SAMPLES[i & 4095];
                d[0].set(row, s.testTimeSecond());
                d[1].set(row, s.unixTimeSecond());
                d[2].set(row, s.voltageVolt());
                d[3].set(row, s.currentAmpere());
                n[4].set(row, s.cycleCount());
                n[5].set(row, s.stepCount());
                n[6].set(row, s.stepIndex());
                d[7].set(row, s.chargingCapacityAh());
                d[8].set(row, s.dischargingCapacityAh());
                d[9].set(row, s.stepCapacityAh());
                d[10].set(row, s.netCapacityAh());
                d[11].set(row, s.cumulativeCapacityAh());
                d[12].set(row, s.chargingEnergyWh());
                d[13].set(row, s.dischargingEnergyWh());
                d[14].set(row, s.stepEnergyWh());
                d[15].set(row, s.netEnergyWh());
                d[16].set(row, s.cumulativeEnergyWh());
                d[17].set(row, s.powerWatt());
                d[18].set(row, s.appliedPressurePa());
                d[19].set(row, s.ambientTemperatureCelsius());
                if (++row == BATCH) {
                    root.setRowCount(row);
                    out.writeBatch();
                    row = 0;
                }
            }
            if (row > 0) {
                root.setRowCount(row);
                out.writeBatch();
            }
            out.end();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        return rows / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rounds(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format("%,.0f", v));
        }
        return String.join(" / ", out);
    }
}
