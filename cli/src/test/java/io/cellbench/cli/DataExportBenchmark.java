package io.cellbench.cli;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.run.RunReader;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Prints how fast a long run's cycle summaries are recomputed from its samples and how fast
 * {@code data export} streams it to BDF and CSV, each beside a bare baseline measured in the
 * same JVM: the Arrow read alone (every batch loaded, one column summed) for the summaries, a
 * plain buffered write of as many bytes (the export's own first MiB, repeated) for the exports.
 * Goals (issue 13): summaries under 1 s and exports at 1 M rows/s or more for 10 million samples.
 * Each figure also gives the CPU time the process used (the wall time on a shared, loaded
 * machine is mostly waiting for a core). Not run by the test suite. Run it (after {@code mvn -pl cli -am test-compile}) with the test
 * classpath and Arrow's JVM flags; the argument is the number of samples (default 10,000,000;
 * the BDF file alone is about 4 GB then).
 */
public final class DataExportBenchmark {
    private static final String CELL = "cell";

    private DataExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Path tmp = Files.createTempDirectory("cellbench-export-bench-");
        try {
            Path run = tmp.resolve("run");
            long t0 = System.nanoTime();
            write(run, rows);
            System.out.printf(Locale.ROOT, "wrote %,d samples in %.1f s%n", rows, seconds(t0));
            summaries(run, rows);
            // two rounds: the first export in the JVM also compiles the formatting code
            for (int round = 1; round <= 2; round++) {
                for (String format : new String[] {"bdf", "csv"}) {
                    export(tmp, run, format, rows);
                }
            }
        } finally {
            delete(tmp);
        }
    }

    /**
     * Cycle summaries recomputed from the samples ({@code RunReader.recomputeCycles}, what
     * {@code data cycles} does when cycles.arrows is missing), beside the bare read of the same Arrow files.
     */
    private static void summaries(Path run, int rows) throws Exception {
        for (int round = 1; round <= 3; round++) { // the first round warms the JIT up
            long start = System.nanoTime();
            long cpu = cpu();
            double sum = bareArrowRead(run);
            double bare = seconds(start);
            double bareCpu = (cpu() - cpu) * 1e-9;
            start = System.nanoTime();
            cpu = cpu();
            long[] cycles = new long[1];
            try (RunReader reader = RunReader.open(run)) {
                reader.recomputeCycles(CELL, c -> cycles[0]++);
            }
            double recomputed = seconds(start);
            double recomputedCpu = (cpu() - cpu) * 1e-9;
            System.out.printf(Locale.ROOT, "round %d: bare Arrow read %.2f s (CPU %.2f s, %,.0f rows/s, checksum %.6g); "
                    + "cycle summaries from samples %.2f s (CPU %.2f s, %,d cycles, %,.0f rows/s, goal < 1 s)%n",
                    round, bare, bareCpu, rows / bare, sum, recomputed, recomputedCpu, cycles[0], rows / recomputed);
        }
    }

    private static double bareArrowRead(Path run) throws Exception {
        double sum = 0;
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(run)) {
            for (Path segment : reader.sampleSegments(CELL)) {
                try (FileChannel in = FileChannel.open(segment);
                     ArrowStreamReader arrow = new ArrowStreamReader(in, allocator)) {
                    VectorSchemaRoot root = arrow.getVectorSchemaRoot();
                    while (arrow.loadNextBatch()) {
                        FieldVector v = root.getVector("voltage_volt");
                        Float8Vector volt = (Float8Vector) v;
                        for (int i = 0; i < root.getRowCount(); i++) {
                            sum += volt.get(i);
                        }
                    }
                }
            }
        }
        return sum;
    }

    /** {@code data export --format FORMAT}, then as many bytes through a plain buffered stream. */
    private static void export(Path tmp, Path run, String format, int rows) throws Exception {
        Path out = tmp.resolve(format);
        long start = System.nanoTime();
        long cpu = cpu();
        int code = Main.run("data", "export", run.toString(), "--format", format, "-o", out.toString());
        double seconds = seconds(start);
        double exportCpu = (cpu() - cpu) * 1e-9;
        Path file = out.resolve(CELL + (format.equals("bdf") ? ".bdf.csv" : ".csv"));
        long bytes = Files.size(file);
        byte[] chunk;
        try (InputStream in = Files.newInputStream(file)) {
            chunk = in.readNBytes(1 << 20);
        }
        delete(out);
        Path plain = tmp.resolve("plain");
        start = System.nanoTime();
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(plain), 1 << 16)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                o.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        double baseline = seconds(start);
        Files.delete(plain);
        System.out.printf(Locale.ROOT, "export --format %-3s exit %d: %.2f s (CPU %.2f s: %,.0f rows per CPU second), "
                + "%,.0f rows/s (goal >= 1,000,000), %.0f MB at %.0f MB/s; plain buffered write of the same bytes "
                + "%.2f s (%.0f MB/s); load average %.1f%n",
                format, code, seconds, exportCpu, rows / exportCpu, rows / seconds, bytes / 1e6, bytes / 1e6 / seconds,
                baseline, bytes / 1e6 / baseline,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The CPU time of this process (ns: every thread, the export's formatters and the garbage
     * collector included): on the shared build machine the wall time of a figure is mostly how
     * long other processes held the cores; the CPU time is what the code cost.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A cell cycling 1 mA for 5,000 s each way: one cycle per 10,000 samples, counters as a cycler keeps them. */
    private static void write(Path dir, int rows) throws Exception {
        RunInfo info = new RunInfo("bench", Instant.parse("2024-05-01T00:00:00Z"), "bench");
        double t0 = info.startTime().getEpochSecond();
        ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withBatchRows(8192).withMaxBufferedSeconds(1e9)
                .withFsync(FsyncPolicy.NEVER);
        try (RootAllocator allocator = new RootAllocator();
             RunDirectorySink sink = RunDirectorySink.open(dir, info, options, allocator)) {
            sink.on(new RunEvent.RunStarted(CELL, t0, new CellInfo(CELL, "coin", "", 0.002, 0, 0, ""),
                    "bench", "", false));
            double totalIn = 0;
            double totalOut = 0;
            double cycleIn = 0;
            double cycleOut = 0;
            int record = 0;
            for (int i = 1; i <= rows; i++) {
                int inCycle = i % 10_000;
                double phase = inCycle / 10_000.0;
                boolean charging = phase < 0.5;
                double current = charging ? 0.001 : -0.001;
                double voltage = 3.0 + 0.6 * (charging ? phase : 1 - phase) + 1e-4 * Math.sin(i);
                double ah = 0.001 / 3600;
                if (inCycle == 0) {
                    cycleIn = cycleOut = 0;
                }
                if (inCycle == 0 || inCycle == 5_000) {
                    record = 0;
                }
                record++;
                if (charging) {
                    totalIn += ah;
                    cycleIn += ah;
                } else {
                    totalOut += ah;
                    cycleOut += ah;
                }
                double step = record * ah;
                sink.on(new RunEvent.SampleRecorded(CELL, new Sample(i, t0 + i + 0.25, voltage, current,
                        1 + i / 10_000, 1 + 2 * (i / 10_000) + (charging ? 0 : 1), charging ? 1 : 2, cycleIn, cycleOut,
                        step, totalIn - totalOut, totalIn + totalOut, cycleIn * 3.6, cycleOut * 3.4, step * 3.5,
                        (totalIn - totalOut) * 3.5, (totalIn + totalOut) * 3.5, voltage * current,
                        60e6 + Math.cos(i), 25.0 + 0.1 * Math.sin(i / 600.0), record, totalIn, totalOut,
                        totalIn * 3.6, totalOut * 3.4)));
            }
            sink.on(new RunEvent.RunEnded(CELL, rows, RunEvent.Outcome.COMPLETED, "done"));
        }
    }
}
