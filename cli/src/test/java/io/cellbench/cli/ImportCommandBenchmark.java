package io.cellbench.cli;

import io.cellbench.testing.ReferenceData;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints how fast the whole {@code cellbench import} runs, per format: MB/s of source file, in
 * wall time, in CPU time of this process (the machine may be shared, and CPU time says what the
 * import itself costs) and in CPU time of the thread that reads, repairs and writes (the import's
 * critical path when other threads, inflating and hashing, have a core of their own), reader,
 * repairs, writers and run.json included. The readers alone
 * are {@code ImportBenchmark} (importers). Not run by the test suite:
 * <pre>scripts/bench cli ImportCommandBenchmark [rounds, default 3] [FILE ...]</pre>
 * Each FILE given (a large .ndax, e.g. NdaxScaled's) is measured as well, on its own line.
 */
public final class ImportCommandBenchmark {

    private static final List<List<String>> FORMATS = List.of(
            List.of("neware .ndax", "neware/NewareNDA/nda/github/Issue5/test_2.ndax",
                    "neware/cellpy/20260302_IFE_BTS85_2_9_8_1.ndax"),
            List.of("neware .nda", "neware/NewareNDA/nda/mediafire/2-1-6_61[07005012].nda",
                    "neware/NewareNDA/nda/github/Issue72/TestFile.nda"),
            List.of("biologic .mpr", "biologic/aurora-cycler-manager/250116_kigr_gen6_01_02_GCPL_CD8.mpr",
                    "biologic/aurora-cycler-manager/PEIS.mpr"),
            List.of("arbin .res", "arbin/battery-data-format/mits7-0.res.gz"),
            List.of("maccor text", "maccor/beep/maccor_test_file_4267-66-6519.041"),
            List.of("bdf csv", "bdf/examples/SINTEF__LiGrR2032__2024-04-30__25degC__Landt.bdf.csv"));

    private ImportCommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "ImportCommandBenchmark: JDK %s, %d cores, load average %.1f; best of %d rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), rounds);
        System.out.printf(Locale.ROOT, "  %-24s %12s %14s %14s %18s%n", "format", "bytes", "MB/s (wall)", "MB/s (CPU)",
                "MB/s (thread CPU)");
        var threads = ManagementFactory.getThreadMXBean();
        Path tmp = Files.createTempDirectory("cellbench-import-bench-");
        List<List<String>> formats = new java.util.ArrayList<>(FORMATS);
        for (int a = 1; a < args.length; a++) {
            formats.add(List.of(Path.of(args[a]).getFileName().toString(), Path.of(args[a]).toAbsolutePath().toString()));
        }
        try {
            for (List<String> f : formats) {
                Path in = Files.createDirectories(tmp.resolve("in-" + f.getFirst().replace(' ', '-')));
                long bytes = 0;
                for (String relative : f.subList(1, f.size())) {
                    Path source = Path.of(relative).isAbsolute() ? Path.of(relative) : ReferenceData.require(relative);
                    Files.copy(source, in.resolve(source.getFileName()));
                    bytes += Files.size(source);
                }
                double wall = Double.POSITIVE_INFINITY;
                double cpu = Double.POSITIVE_INFINITY;
                double thread = Double.POSITIVE_INFINITY;
                for (int r = 0; r < rounds + 1; r++) { // the first round warms the JIT up
                    Path out = tmp.resolve("out-" + r + "-" + in.getFileName());
                    long cpu0 = os.getProcessCpuTime();
                    long thread0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    int code = quietly(() -> Main.run("import", in.toString(), "--out", out.toString()));
                    if (code != 0) {
                        throw new IllegalStateException("import of " + in + " ended with " + code);
                    }
                    if (r > 0) {
                        wall = Math.min(wall, (System.nanoTime() - t0) * 1e-9);
                        cpu = Math.min(cpu, (os.getProcessCpuTime() - cpu0) * 1e-9);
                        thread = Math.min(thread, (threads.getCurrentThreadCpuTime() - thread0) * 1e-9);
                    }
                    delete(out);
                }
                System.out.printf(Locale.ROOT, "  %-24s %,12d %14.1f %14.1f %18.1f%n", f.getFirst(), bytes,
                        bytes / wall / 1e6, bytes / cpu / 1e6, bytes / thread / 1e6);
            }
        } finally {
            delete(tmp);
        }
        System.out.printf(Locale.ROOT, "load average at the end %.1f%n", os.getSystemLoadAverage());
    }

    /** Runs the command with its per-file lines discarded: the table is what this prints. */
    private static int quietly(java.util.function.IntSupplier command) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return command.getAsInt();
        } finally {
            System.setOut(out);
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
