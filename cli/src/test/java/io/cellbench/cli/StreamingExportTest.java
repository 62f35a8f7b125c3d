package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export streams: 600,000 samples (a week of 1 s data; as Sample objects alone about
 * 100 MB, 168 bytes each) go through {@code data export} in a JVM with a 64 MB heap, to Arrow
 * and to BDF. Holding the rows, or most of them, would end in OutOfMemoryError. (The month
 * of 2.6 M samples is DataExportBenchmark's, also at 64 MB; kept out of the suite for time.)
 */
class StreamingExportTest {
    static final int ROWS = 600_000;

    @TempDir
    Path tmp;

    @Test
    void sixHundredThousandSamplesExportInA64MegabyteHeap() throws Exception {
        Path run = tmp.resolve("run");
        writeRun(run);
        Path arrow = tmp.resolve("arrow");
        Process p = childJvm("data", "export", run.toString(), "--format", "arrow", "-o", arrow.toString());
        assertEquals(0, p.waitFor(), output(p));
        AtomicLong rows = new AtomicLong();
        AtomicLong lastTime = new AtomicLong(-1);
        try (RootAllocator allocator = new RootAllocator()) {
            ArrowSampleReader.read(List.of(arrow.resolve("long.arrows")), allocator, s -> {
                rows.incrementAndGet();
                lastTime.set((long) s.testTimeSecond());
            });
        }
        assertEquals(ROWS, rows.get());
        assertEquals(ROWS, lastTime.get());

        Path bdf = tmp.resolve("bdf");
        Process q = childJvm("data", "export", run.toString(), "--format", "bdf", "-o", bdf.toString());
        assertEquals(0, q.waitFor(), output(q));
        long lines;
        try (BufferedReader r = Files.newBufferedReader(bdf.resolve("long.bdf.csv"), StandardCharsets.UTF_8)) {
            lines = r.lines().count();
        }
        assertEquals(ROWS + 1, lines);
    }

    /** One cell, 1 s sampling, a cycle every 10,000 s. */
    private static void writeRun(Path dir) throws Exception {
        RunInfo info = new RunInfo("long-run", Instant.parse("2024-05-01T00:00:00Z"), "test");
        ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withBatchRows(8192)
                .withMaxBufferedSeconds(1e9).withFsync(FsyncPolicy.NEVER);
        double t0 = info.startTime().getEpochSecond();
        try (RootAllocator allocator = new RootAllocator();
             RunDirectorySink sink = RunDirectorySink.open(dir, info, options, allocator)) {
            sink.on(new RunEvent.RunStarted("long", t0, new CellInfo("long", "coin", "NMC811 | LPSCl | Li-In",
                    0.002, 0, 0, ""), "synthetic", "", false));
            for (int i = 1; i <= ROWS; i++) {
                int cycle = 1 + i / 10_000;
                double phase = (i % 10_000) / 10_000.0;
                double current = phase < 0.5 ? 0.001 : -0.001;
                double voltage = 3.0 + 0.6 * (phase < 0.5 ? phase : 1 - phase);
                sink.on(new RunEvent.SampleRecorded("long", new Sample(i, t0 + i, voltage, current, cycle, 1, 1,
                        phase * 1e-3, 0, 0, 0, i * 1e-6, 0, 0, 0, 0, 0, voltage * current, 60e6, 25.0, 1, phase * 1e-3, 0, 0, 0)));
            }
            sink.on(new RunEvent.RunEnded("long", ROWS, RunEvent.Outcome.COMPLETED, "done"));
        }
    }

    private Process childJvm(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("-Dio.netty") || flag.startsWith("--enable-native")
                    || flag.startsWith("--sun-misc")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + args[3] + ".log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the export finished");
        return p;
    }

    private String output(Process p) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".log")).toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }
}
