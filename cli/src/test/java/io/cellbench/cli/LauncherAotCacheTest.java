package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT cache (scripts/jvm-start.sh) never changes what a command prints nor breaks a
 * start, whether the cache is absent, stale (the jar rebuilt) or damaged; real bash, real JVMs, real
 * cache files in a cache directory of the test's own ($XDG_CACHE_HOME). On a JDK older than 25 the
 * launcher makes no cache, which is checked instead.
 */
class LauncherAotCacheTest {

    @TempDir
    static Path dir;
    private static LauncherJar cli;
    private static LauncherJar.Output help;

    @BeforeAll
    static void packAndRunWithoutCache() throws Exception {
        cli = LauncherJar.pack(Files.createDirectories(dir.resolve("app")));
        help = cli.run(Map.of("CELLBENCH_AOT", "0", "XDG_CACHE_HOME", dir.resolve("unused").toString()), "--help");
        assertEquals(0, help.exit(), help.stderr());
        assertTrue(help.stdout().contains("Usage: cellbench"), help.stdout());
        assertEquals("", help.stderr());
        assertFalse(Files.exists(dir.resolve("unused")), "CELLBENCH_AOT=0 makes no cache directory");
    }

    private static boolean aotJdk() {
        return Runtime.version().feature() >= 25;
    }

    @Test
    void anAbsentCacheIsRecordedMadeAndThenUsed() throws Exception {
        Map<String, String> env = cacheHome("absent");
        assertPlainHelp(env); // records
        Path key = onlyKey(env);
        if (!aotJdk()) {
            assertFalse(Files.exists(key), "no cache below JDK 25");
            return;
        }
        assertTrue(Files.isRegularFile(key.resolve("cellbench.aotconf")), "the first start records");
        warm(env, key);
        assertEquals(List.of("-XX:AOTCache=" + key.resolve("cellbench.aot"), "-Xlog:aot*=off,cds*=off"),
                cli.aotFlags(env, "--help").stdout().lines().toList());
        assertPlainHelp(env); // with the cache
        // the cache is one the JVM maps for these jars and flags (AOTMode=on fails on one it cannot use)
        LauncherJar.Output mapped = cli.mapsCache(key.resolve("cellbench.aot"));
        assertEquals(0, mapped.exit(), mapped.stdout() + mapped.stderr());
        // a long-lived command gets no cache
        assertEquals("", cli.aotFlags(env, "run").stdout());
    }

    @Test
    void aRebuiltJarGetsACacheOfItsOwnAndAStaleCacheIsIgnored() throws Exception {
        Map<String, String> env = cacheHome("stale");
        if (noCacheBelowJdk25(env)) {
            return;
        }
        Path old = warmed(env);
        Path oldCache = Files.copy(old.resolve("cellbench.aot"), dir.resolve("stale.aot"));
        Path other = Files.createDirectories(old.resolveSibling("0123456789abcdef")); // another install's
        Files.writeString(other.resolve("install"), "/opt/other/cellbench.jar /usr/lib/jvm/other");
        cli.rebuild();
        assertPlainHelp(env); // a new key: records again
        assertFalse(Files.exists(old), "the same install's earlier build's caches go");
        assertTrue(Files.exists(other), "another install's caches stay");
        List<Path> now = keys(env);
        assertEquals(2, now.size(), now::toString);
        Path fresh = now.stream().filter(k -> !k.equals(other)).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(fresh.resolve("cellbench.aotconf")));
        // the old build's cache where the new one's belongs: the JVM finds the jar changed and ignores it
        Files.delete(fresh.resolve("cellbench.aotconf"));
        Files.copy(oldCache, fresh.resolve("cellbench.aot"));
        assertPlainHelp(env);
        assertPlainHelp(env);
    }

    @Test
    void aDamagedCacheOrConfigurationIsIgnoredAndMadeAgain() throws Exception {
        Map<String, String> env = cacheHome("corrupt");
        if (noCacheBelowJdk25(env)) {
            return;
        }
        Path key = warmed(env);
        Path cache = key.resolve("cellbench.aot");
        byte[] whole = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(whole, whole.length / 2)); // cut short
        assertPlainHelp(env);
        LauncherJar.garbage(cache, 1 << 20); // garbage
        assertPlainHelp(env);
        Files.write(cache, new byte[0]); // empty
        assertPlainHelp(env);
        // a damaged configuration: the start that would make the cache from it runs plainly, the
        // making fails in the background and both files go, and the next start records again
        Files.delete(cache);
        LauncherJar.garbage(key.resolve("cellbench.aotconf"), 1 << 20);
        assertPlainHelp(env);
        ChildProcess.waitFor(null, () -> !Files.exists(key.resolve("cellbench.aotconf"))
                && !Files.exists(key.resolve("cellbench.aot.new")), "the damaged configuration removed", 300);
        assertFalse(Files.exists(cache));
        assertPlainHelp(env);
        assertTrue(Files.isRegularFile(key.resolve("cellbench.aotconf")), "recorded again");
    }

    @Test
    void startsAtTheSameTimeEachPrintWhatTheyShould() throws Exception {
        Map<String, String> env = cacheHome("together");
        together(env); // on an empty cache: one records, the others run without
        List<Path> keys = keys(env);
        if (aotJdk()) {
            assertEquals(1, keys.size(), keys::toString);
            Path key = keys.getFirst();
            // one recorded; a start that came after it ended may already have begun making the cache
            assertTrue(Files.isRegularFile(key.resolve("cellbench.aotconf"))
                    || Files.isRegularFile(key.resolve("cellbench.aot")), "one of them recorded");
            together(env); // one makes the cache in the background (unless made), the others run without
            ChildProcess.waitFor(null, () -> Files.isRegularFile(key.resolve("cellbench.aot")), "the cache made", 300);
            together(env); // all with the cache
        }
    }

    /** Four starts of --help at once, each printing it as without a cache. */
    private static void together(Map<String, String> env) throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<LauncherJar.Output>> starts = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> cli.run(env, "--help")));
            }
            for (var start : starts) {
                LauncherJar.Output out = start.get();
                assertEquals(0, out.exit(), out.stderr());
                assertEquals(help.stdout(), out.stdout());
                assertEquals("", out.stderr());
            }
        }
    }

    /**
     * Below JDK 25 the launcher makes no cache at all: --help prints as always and nothing is
     * written. Checked there instead of skipping (run-tests counts a skipped test as a failure,
     * and the README promises JDK 21+).
     */
    private static boolean noCacheBelowJdk25(Map<String, String> env) throws Exception {
        if (aotJdk()) {
            return false;
        }
        assertPlainHelp(env);
        assertPlainHelp(env);
        assertEquals(List.of(), keys(env), "no cache below JDK 25");
        return true;
    }

    /** A new cache home's --help cache, made: its key directory. */
    private static Path warmed(Map<String, String> env) throws Exception {
        assertPlainHelp(env);
        Path key = onlyKey(env);
        warm(env, key);
        return key;
    }

    /** Records, then makes the cache: two starts, and the background making awaited. */
    private static void warm(Map<String, String> env, Path key) throws Exception {
        if (!Files.exists(key.resolve("cellbench.aotconf"))) {
            assertPlainHelp(env);
        }
        assertPlainHelp(env); // starts making it in the background
        ChildProcess.waitFor(null, () -> Files.isRegularFile(key.resolve("cellbench.aot"))
                && !Files.exists(key.resolve("cellbench.aotconf")), "the cache made in the background", 300);
    }

    private static void assertPlainHelp(Map<String, String> env) throws Exception {
        LauncherJar.Output out = cli.run(env, "--help");
        assertEquals(0, out.exit(), out.stderr());
        assertEquals(help.stdout(), out.stdout());
        assertEquals("", out.stderr());
    }

    private static Map<String, String> cacheHome(String name) {
        return Map.of("XDG_CACHE_HOME", dir.resolve("cache-" + name).toString());
    }

    private static List<Path> keys(Map<String, String> env) throws IOException {
        Path aot = Path.of(env.get("XDG_CACHE_HOME"), "cellbench", "aot");
        if (!Files.isDirectory(aot)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(aot)) {
            return list.sorted().toList();
        }
    }

    private static Path onlyKey(Map<String, String> env) throws IOException {
        List<Path> keys = keys(env);
        if (!aotJdk()) {
            assertEquals(List.of(), keys);
            return Path.of(env.get("XDG_CACHE_HOME"), "cellbench", "aot", "none");
        }
        assertEquals(1, keys.size(), keys::toString);
        return keys.getFirst();
    }
}
