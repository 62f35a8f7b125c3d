package io.cellbench.importers;

import io.cellbench.importers.arbin.ResReader;
import io.cellbench.importers.bdf.BdfCsvReader;
import io.cellbench.importers.biologic.MprReader;
import io.cellbench.importers.maccor.MaccorTextReader;
import io.cellbench.importers.neware.NdaReader;
import io.cellbench.importers.neware.NdaxReader;
import io.cellbench.importers.neware.NdaxSynth;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * MB/s (of file size) per format, for the readers alone and for reader + repairs (two passes),
 * on the reference files (read repeatedly, so the JIT has warmed up) and on a large synthetic
 * .ndax, whose peak heap shows that memory does not grow with the file. Not a test; run it by hand:
 * <pre>scripts/bench importers ImportBenchmark [synthetic .ndax records, default 3,000,000]</pre>
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

    private ImportBenchmark() {
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

    public static void main(String[] args) throws Exception {
        int synthetic = args.length > 0 ? Integer.parseInt(args[0].replace(",", "").replace("_", "")) : 3_000_000;
        System.out.printf(Locale.ROOT, "ImportBenchmark: JDK %s, %d cores, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (Case c : CASES) {
            double bytes = 0;
            double readerSeconds = 0;
            double repairSeconds = 0;
            for (String relative : c.files()) {
                Path file = reference(relative);
                long size = Files.size(file);
                timed(c.reader(), file, false, 2.0); // warm-up
                double reader = timed(c.reader(), file, false, 1.0);
                double repaired = timed(c.reader(), file, true, 1.0);
                long rows = rows(c.reader(), file);
                System.out.printf(Locale.ROOT, "  %-60s %,11d bytes %,9d rows %8.1f MB/s reader %8.1f MB/s + repairs%n",
                        file.getFileName(), size, rows, size / reader / 1e6, size / repaired / 1e6);
                bytes += size;
                readerSeconds += reader;
                repairSeconds += repaired;
            }
            System.out.printf(Locale.ROOT, "%-14s %8.1f MB/s reader, %8.1f MB/s reader + repairs (two passes)%n",
                    c.format(), bytes / readerSeconds / 1e6, bytes / repairSeconds / 1e6);
        }
        Path big = NdaxSynth.write(Files.createTempFile("cellbench-bench-", ".ndax"), synthetic);
        try {
            long size = Files.size(big);
            CyclerFileReader reader = new NdaxReader();
            Counter warm = new Counter();
            reader.read(big, warm);
            resetPeaks();
            long t0 = System.nanoTime();
            Counter counter = new Counter();
            reader.read(big, counter);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "synthetic .ndax: %,d records, %,d bytes: %.1f MB/s reader, %,.0f rows/s,"
                    + " peak heap during the read %d MB%n", counter.rows, size, size / seconds / 1e6,
                    counter.rows / seconds, peakHeap() >> 20);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /** Median seconds of one read, over five batches of about {@code batchSeconds} each. */
    private static double timed(CyclerFileReader reader, Path file, boolean repairs, double batchSeconds)
            throws Exception {
        double[] perRead = new double[5];
        for (int b = 0; b < perRead.length; b++) {
            long t0 = System.nanoTime();
            int reads = 0;
            do {
                Counter counter = new Counter();
                if (repairs) {
                    Repairs.read(reader, file, counter);
                } else {
                    reader.read(file, counter);
                }
                reads++;
            } while (System.nanoTime() - t0 < batchSeconds * 1e9);
            perRead[b] = (System.nanoTime() - t0) / 1e9 / reads;
        }
        return median(perRead);
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
