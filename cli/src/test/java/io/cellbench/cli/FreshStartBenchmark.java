package io.cellbench.cli;

import io.cellbench.testing.ReferenceData;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A one-off {@code cellbench import} (and {@code cellbench --help}) as a user starts it: a fresh JVM
 * each time, through the launcher's last step, without (CELLBENCH_AOT=0) and with the AOT cache
 * (scripts/jvm-start.sh), interleaved; both with the launcher's JIT choice (C1 alone for an import
 * under 16 MiB). Prints wall and CPU time (the process and its children, from
 * bash's {@code times}) and MB/s of source file, median of the rounds. The CLI is packed from the test
 * class path as the launcher runs it (cellbench.jar and lib/, {@link LauncherJar}); the cache lives in
 * a temporary $XDG_CACHE_HOME. {@code ImportCommandBenchmark} is the same import in one warm JVM.
 * Not run by the test suite:
 * <pre>scripts/bench cli FreshStartBenchmark [rounds, default 5] [FILE ...]</pre>
 * Without FILE: {@code test_2.ndax} (1.3 MB). A large .ndax to give: {@code NdaxScaled.write} (importers'
 * test classes), e.g. test_2.ndax × 20 (25.3 MB).
 */
public final class FreshStartBenchmark {

    private FreshStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Path> files = new ArrayList<>();
        for (int a = 1; a < args.length; a++) {
            files.add(Path.of(args[a]).toAbsolutePath());
        }
        if (files.isEmpty()) {
            files.add(ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax"));
        }
        Path tmp = Files.createTempDirectory("cellbench-fresh-start-");
        try {
            LauncherJar cli = LauncherJar.pack(Files.createDirectories(tmp.resolve("app")));
            Map<String, String> plain = Map.of("CELLBENCH_AOT", "0", "XDG_CACHE_HOME", tmp.resolve("none").toString());
            Map<String, String> cached = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
            System.out.printf(Locale.ROOT, "FreshStartBenchmark: JDK %s, %d cores, load average %s; median of %d"
                    + " fresh starts each, interleaved; wall / CPU seconds%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), load(), rounds);
            measure(cli, "--help", 0, rounds, plain, cached, tmp, "--help");
            for (Path file : files) {
                measure(cli, file.getFileName().toString(), Files.size(file), rounds, plain, cached, tmp,
                        "import", file.toString(), "--out", "OUT");
            }
            System.out.printf(Locale.ROOT, "load average at the end %s; cache: %s%n", load(), sizes(tmp.resolve("cache")));
        } finally {
            delete(tmp);
        }
    }

    private static void measure(LauncherJar cli, String what, long bytes, int rounds, Map<String, String> plain,
            Map<String, String> cached, Path tmp, String... args) throws Exception {
        // the cache for this command: the first start records, the second makes it in the background
        for (int warm = 0; warm < 2; warm++) {
            once(cli, cached, tmp, args);
        }
        Path aot = tmp.resolve("cache/cellbench/aot");
        String name = args[0].startsWith("-") ? "cellbench" : args[0];
        ChildProcess.waitFor(null, () -> exists(aot, name + ".aot"), "the " + name + " cache made", 300);
        double[][] times = new double[4][rounds]; // wall, CPU: without, with
        for (int r = 0; r < rounds; r++) {
            double[] without = once(cli, plain, tmp, args);
            double[] with = once(cli, cached, tmp, args);
            times[0][r] = without[0];
            times[1][r] = without[1];
            times[2][r] = with[0];
            times[3][r] = with[1];
        }
        double[] m = Arrays.stream(times).mapToDouble(FreshStartBenchmark::median).toArray();
        String rate = bytes == 0 ? "" : String.format(Locale.ROOT, "   MB/s wall %5.1f → %5.1f, CPU %5.1f → %5.1f",
                bytes / m[0] / 1e6, bytes / m[2] / 1e6, bytes / m[1] / 1e6, bytes / m[3] / 1e6);
        System.out.printf(Locale.ROOT, "  %-22s %,12d B   without %5.2f / %5.2f s   with cache %5.2f / %5.2f s%s   (load %s)%n",
                what, bytes, m[0], m[1], m[2], m[3], rate, load());
    }

    /** One start: wall and CPU seconds. */
    private static double[] once(LauncherJar cli, Map<String, String> env, Path tmp, String... args) throws Exception {
        Path out = tmp.resolve("out");
        delete(out);
        String[] resolved = Arrays.stream(args).map(a -> a.equals("OUT") ? out.toString() : a).toArray(String[]::new);
        long t0 = System.nanoTime();
        LauncherJar.Output o = cli.runTimed(env, resolved);
        double wall = (System.nanoTime() - t0) * 1e-9;
        if (o.exit() != 0) {
            throw new IllegalStateException("cellbench " + String.join(" ", resolved) + " ended with " + o.exit()
                    + ": " + o.stderr());
        }
        List<String> lines = o.stderr().lines().toList();
        double cpu = 0;
        for (String t : lines.getLast().strip().split("\\s+")) { // 0m1.234s 0m0.056s
            cpu += Integer.parseInt(t.substring(0, t.indexOf('m'))) * 60
                    + Double.parseDouble(t.substring(t.indexOf('m') + 1, t.length() - 1));
        }
        return new double[] {wall, cpu};
    }

    private static boolean exists(Path aot, String file) {
        try (Stream<Path> keys = Files.list(aot)) {
            return keys.anyMatch(k -> Files.isRegularFile(k.resolve(file)));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String sizes(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".aot")).map(p -> {
                try {
                    return p.getFileName() + " " + (Files.size(p) >> 20) + " MB";
                } catch (java.io.IOException e) {
                    return p.getFileName() + " ?";
                }
            }).sorted().toList().toString();
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
