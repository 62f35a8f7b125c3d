package io.cellbench.importers;

import io.cellbench.importers.arbin.ResReader;
import io.cellbench.importers.bdf.BdfCsvReader;
import io.cellbench.importers.biologic.MprReader;
import io.cellbench.importers.maccor.MaccorTextReader;
import io.cellbench.importers.neware.NdaReader;
import io.cellbench.importers.neware.NdaxReader;
import io.cellbench.importers.neware.NdaxScaled;
import io.cellbench.importers.neware.NdaxSynth;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * MB/s (of file size) per format: the reader alone, and reader + repairs (what an import does before
 * its writers), each beside a bare baseline measured in the same run (reading the file's bytes;
 * inflating a ZIP's members without parsing them), so that load on the shared machine shows in both
 * and the ratio stays meaningful. Then two large .ndax made in the benchmark's own temporary
 * directory: a real file repeated ({@link NdaxScaled}, the real mix of members and compression) and
 * the all-synthetic one ({@link NdaxSynth}, run info on every record), with the peak heap, which with
 * a small {@code -Xmx} shows that memory does not grow with the file. Not a test; run it by hand:
 * <pre>scripts/bench importers ImportBenchmark [copies of test_2.ndax, default 40] [synthetic records, default 1,000,000]
 * CELLBENCH_JAVA_OPTS=-Xmx32m scripts/bench importers ImportBenchmark</pre>
 * Needs the reference data (../shared/reference or $CELLBENCH_REFERENCE).
 */
public final class ImportBenchmark {

    private record Case(String format, CyclerFileReader reader, List<String> files) {
    }

    private static final List<Case> CASES = List.of(
            new Case("neware .ndax", new NdaxReader(), List.of("neware/NewareNDA/nda/github/Issue5/test_2.ndax",
                    "neware/cellpy/20260302_IFE_BTS85_2_9_8_1.ndax", "neware/fastnda/nw4-120-1-6-53.ndax")),
            new Case("neware .nda", new NdaReader(), List.of("neware/NewareNDA/nda/mediafire/2-1-6_61[07005012].nda",
                    "neware/NewareNDA/nda/github/Issue72/TestFile.nda", "neware/fastnda/SINTEF__G20M7_BTS91.nda.zip")),
            new Case("biologic .mpr", new MprReader(), List.of(
                    "biologic/aurora-cycler-manager/250116_kigr_gen6_01_02_GCPL_CD8.mpr", "biologic/yadg/ocv.mpr")),
            new Case("arbin .res", new ResReader(), List.of("arbin/battery-data-format/mits7-0.res.gz")),
            new Case("maccor text", new MaccorTextReader(), List.of("maccor/beep/maccor_test_file_4267-66-6519.041")),
            new Case("bdf csv", new BdfCsvReader(), List.of(
                    "bdf/examples/SINTEF__LiGrR2032__2024-04-30__25degC__Landt.bdf.csv",
                    "bdf/examples/DLR__LiLNMOHydra0b__20221125__POCV__25degC__Basytec.bdf.csv")));

    private static final String[] KINDS = {"bytes", "inflate", "reader", "+repairs"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int synthetic = args.length > 1 ? Integer.parseInt(args[1].replace(",", "").replace("_", "")) : 1_000_000;
        System.out.printf(Locale.ROOT, "ImportBenchmark: JDK %s, %d cores, max heap %d MB, load average %.1f%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("MB/s of file size, medians of 5 interleaved batches. bytes: reading the file;"
                + " inflate: inflating its ZIP members, one after the other, without parsing; reader: the reader"
                + " alone; +repairs: Repairs.read, reader and repairs (what an import does before its writers).");
        System.out.printf(Locale.ROOT, "  %-58s %11s %9s %9s %9s %9s %9s%n", "file", "bytes", "rows", KINDS[0], KINDS[1],
                KINDS[2], KINDS[3]);
        for (Case c : CASES) {
            double[] seconds = new double[KINDS.length];
            double bytes = 0;
            for (String relative : c.files()) {
                Path file = reference(relative);
                double[] one = measure(c.reader(), file, 0.5, 5);
                for (int k = 0; k < seconds.length; k++) {
                    seconds[k] += one[k];
                }
                bytes += Files.size(file);
                print(file.getFileName().toString(), Files.size(file), rows(c.reader(), file), one);
            }
            print("= " + c.format(), (long) bytes, -1, seconds);
        }
        Path dir = Files.createTempDirectory("cellbench-import-benchmark-");
        try {
            Path real = reference("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
            large("test_2.ndax x " + copies, NdaxScaled.write(real, dir.resolve("scaled.ndax"), copies));
            large("synthetic, run info on every record", NdaxSynth.write(dir.resolve("synthetic.ndax"), synthetic));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** A large file: fewer, longer reads; the peak heap of reader + repairs; the budget the writers have left. */
    private static void large(String name, Path file) throws Exception {
        long size = Files.size(file);
        CyclerFileReader reader = new NdaxReader();
        Repairs.read(reader, file, new Counter()); // warm-up
        double[] seconds = measure(reader, file, 0, 5);
        long rows = rows(reader, file);
        print(name, size, rows, seconds);
        resetPeaks();
        Repairs.read(reader, file, new Counter());
        double repaired = size / seconds[3] / 1e6;
        System.out.printf(Locale.ROOT, "    %,.0f rows/s with repairs; peak heap %d MB (max heap %d MB); of the 20 ms per MB"
                + " that 50 MB/s allows, reader + repairs take %.1f ms, leaving %.1f ms per MB for the writers%n",
                rows / seconds[3], peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20, 1000 / repaired,
                20 - 1000 / repaired);
    }

    /** Median seconds of one read of each kind, over batches of at least {@code batchSeconds}, interleaved. */
    private static double[] measure(CyclerFileReader reader, Path file, double batchSeconds, int batches)
            throws Exception {
        boolean zip = Bare.isZip(file);
        run(reader, file, 2, 1.0); // warm-up
        run(reader, file, 3, 1.0);
        double[][] perRead = new double[KINDS.length][batches];
        for (int b = 0; b < batches; b++) {
            for (int k = 0; k < KINDS.length; k++) {
                if (k == 1 && !zip) {
                    perRead[k][b] = Double.NaN;
                    continue;
                }
                long t0 = System.nanoTime();
                int reads = 0;
                do {
                    run(reader, file, k, 0);
                    reads++;
                } while (System.nanoTime() - t0 < batchSeconds * 1e9);
                perRead[k][b] = (System.nanoTime() - t0) / 1e9 / reads;
            }
        }
        double[] median = new double[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            double[] sorted = perRead[k].clone();
            Arrays.sort(sorted);
            median[k] = sorted[sorted.length / 2];
        }
        return median;
    }

    private static void run(CyclerFileReader reader, Path file, int kind, double warmSeconds) throws Exception {
        long t0 = System.nanoTime();
        do {
            switch (kind) {
                case 0 -> Bare.readBytes(file);
                case 1 -> Bare.inflate(file);
                case 2 -> reader.read(file, new Counter());
                default -> Repairs.read(reader, file, new Counter());
            }
        } while (System.nanoTime() - t0 < warmSeconds * 1e9);
    }

    private static void print(String name, long size, long rows, double[] seconds) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-58s %,11d %9s", name, size,
                rows < 0 ? "" : String.format(Locale.ROOT, "%,d", rows)));
        for (double s : seconds) {
            line.append(Double.isNaN(s) ? String.format(Locale.ROOT, " %9s", "-")
                    : String.format(Locale.ROOT, " %9.1f", size / s / 1e6));
        }
        System.out.println(line);
    }

    private static long rows(CyclerFileReader reader, Path file) throws Exception {
        Counter counter = new Counter();
        reader.read(file, counter);
        return counter.rows;
    }

    private static Path reference(String relative) {
        Path root = ReferenceData.root();
        if (root == null || !Files.exists(root.resolve(relative))) {
            throw new IllegalStateException("reference data absent: " + relative
                    + " (../shared/reference or $CELLBENCH_REFERENCE)");
        }
        return root.resolve(relative);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Counts what streams by, keeping nothing. */
    private static final class Counter implements RecordSink {
        long rows;
        double checksum;

        @Override
        public void begin(ImportMetadata metadata) {
        }

        @Override
        public void sample(CyclerRecord record) {
            rows++;
            checksum += record.voltageVolt();
        }

        @Override
        public void impedance(ImpedanceRecord point) {
            rows++;
        }
    }
}
