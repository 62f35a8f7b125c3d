package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.ReferenceData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher compiles a small import with C1 alone (scripts/jvm-start.sh, cellbench_jit_flags), and
 * an import started through it, C1 and the AOT cache in use, writes the samples an import in this
 * JVM writes: every value, bit for bit.
 */
class LauncherJitTest {

    private static final String C1 = "-XX:TieredStopAtLevel=1";

    @TempDir
    static Path dir;
    private static LauncherJar cli;

    @BeforeAll
    static void pack() throws Exception {
        cli = LauncherJar.pack(Files.createDirectories(dir.resolve("app")));
    }

    @Test
    void aSmallImportGetsC1AndALargeOneOrStandardInputDoesNot() throws Exception {
        Path small = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        Path large = dir.resolve("large.ndax");
        try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(16L << 20); // sparse: the size is what counts
        }
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.copy(small, folder.resolve("a.ndax"));
        assertEquals(List.of(C1), flags("import", small.toString(), "--out", dir.resolve("o").toString()));
        assertEquals(List.of(C1), flags("import", folder.toString(), "--out", dir.resolve("o").toString()));
        assertEquals(List.of(), flags("import", large.toString(), "--out", dir.resolve("o").toString()));
        assertEquals(List.of(), flags("import", small.toString(), large.toString(), "--out", "o"));
        assertEquals(List.of(), flags("import", "-", "--out", dir.resolve("o").toString()));
        assertEquals(List.of(), flags("data", "raw", small.toString()));
        Files.writeString(folder.resolve("b.ndax"), "");
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve("b.ndax").toFile(), "rw")) {
            f.setLength(16L << 20); // a directory counts what it holds
        }
        assertEquals(List.of(), flags("import", folder.toString(), "--out", dir.resolve("o").toString()));
    }

    @Test
    void anImportThroughTheLauncherWritesWhatAnImportInThisJvmWrites() throws Exception {
        Path file = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        Path out = dir.resolve("out"); // the same path each time: the run directory names itself
        assertEquals(0, Main.run("import", file.toString(), "--out", out.toString()));
        // decoded (the order of Arrow's metadata, a HashMap, differs from one JVM to the next)
        OutputFingerprint fingerprint = new OutputFingerprint(out);
        List<String> here = fingerprint.arrow(out.resolve("cells/test_2/samples.arrows"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path cache = null;
        for (int start = 0; start < 3; start++) { // records, makes the cache, uses it
            delete(out);
            LauncherJar.Output o = cli.run(env, "import", file.toString(), "--out", out.toString());
            assertEquals(0, o.exit(), o.stdout() + o.stderr());
            assertTrue(o.stdout().contains("108,563 samples"), o.stdout());
            assertEquals(here, fingerprint.arrow(out.resolve("cells/test_2/samples.arrows")), "start " + start);
            if (start == 1 && Runtime.version().feature() >= 25) {
                Path aot = dir.resolve("cache/cellbench/aot");
                ChildProcess.waitFor(null, () -> cacheIn(aot) != null, "the import cache made", 300);
                cache = cacheIn(aot);
            }
        }
        assertTrue(Runtime.version().feature() < 25 || Files.isRegularFile(cache), "the third start had a cache");
    }

    private static void delete(Path p) throws java.io.IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static Path cacheIn(Path aot) {
        try (var keys = Files.list(aot)) {
            return keys.map(k -> k.resolve("import.aot")).filter(Files::isRegularFile).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static List<String> flags(String... args) throws Exception {
        LauncherJar.Output o = cli.jitFlags(args);
        assertEquals(0, o.exit(), o.stderr());
        return o.stdout().lines().toList();
    }
}
