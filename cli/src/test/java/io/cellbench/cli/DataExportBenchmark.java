package io.cellbench.cli;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;

/**
 * Prints how fast {@code data export} streams a long run to each file format, in rows per
 * second and MB/s of output. Not run by the test suite. Run it (after {@code mvn -pl cli -am
 * test-compile}) with the test classpath and Arrow's JVM flags; the argument is the number of
 * samples (default 2,600,000: a month of 1 s data for one cell).
 */
public final class DataExportBenchmark {
    private DataExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        Path tmp = Files.createTempDirectory("cellbench-export-bench-");
        try {
            Path run = tmp.resolve("run");
            long t0 = System.nanoTime();
            write(run, rows);
            System.out.printf(Locale.ROOT, "wrote %,d samples in %.1f s%n", rows, (System.nanoTime() - t0) * 1e-9);
            for (String format : new String[] {"arrow", "bdf", "csv"}) {
                Path out = tmp.resolve(format);
                long start = System.nanoTime();
                int code = Main.run("data", "export", run.toString(), "--format", format, "-o", out.toString());
                double seconds = (System.nanoTime() - start) * 1e-9;
                long bytes;
                try (Stream<Path> files = Files.list(out)) {
                    bytes = files.mapToLong(p -> p.toFile().length()).sum();
                }
                System.out.printf(Locale.ROOT, "export --format %-5s exit %d: %.2f s, %,.0f rows/s, %.0f MB, %.0f MB/s%n",
                        format, code, seconds, rows / seconds, bytes / 1e6, bytes / 1e6 / seconds);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void write(Path dir, int rows) throws Exception {
        RunInfo info = new RunInfo("bench", Instant.parse("2024-05-01T00:00:00Z"), "bench");
        double t0 = info.startTime().getEpochSecond();
        ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withBatchRows(8192).withMaxBufferedSeconds(1e9)
                .withFsync(FsyncPolicy.NEVER);
        try (RootAllocator allocator = new RootAllocator();
             RunDirectorySink sink = RunDirectorySink.open(dir, info, options, allocator)) {
            sink.on(new RunEvent.RunStarted("cell", t0, new CellInfo("cell", "coin", "", 0.002, 0, 0, ""),
                    "bench", "", false));
            for (int i = 1; i <= rows; i++) {
                double phase = (i % 10_000) / 10_000.0;
                double current = phase < 0.5 ? 0.001 : -0.001;
                double voltage = 3.0 + 0.6 * (phase < 0.5 ? phase : 1 - phase) + 1e-4 * Math.sin(i);
                sink.on(new RunEvent.SampleRecorded("cell", new Sample(i, t0 + i + 0.25, voltage, current,
                        1 + i / 10_000, 1, 1, phase * 1e-3, 0, 0, 0, i * 1e-6, 0, 0, 0, 0, 0, voltage * current,
                        60e6 + Math.cos(i), 25.0 + 0.1 * Math.sin(i / 600.0))));
            }
            sink.on(new RunEvent.RunEnded("cell", rows, RunEvent.Outcome.COMPLETED, "done"));
        }
    }
}
