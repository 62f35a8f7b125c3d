package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The CLI as the launcher runs it, {@code java … -jar cellbench.jar} with its libraries in
 * {@code lib/}, made from this test's class path (the JVM's AOT cache takes classes from jars only,
 * and the reactor's modules are directories of classes until they are packaged), and started through
 * the launcher's own last step ({@code cellbench_exec} in scripts/jvm-start.sh) in a real bash.
 */
final class LauncherJar {

    /** What one start printed. */
    record Output(int exit, String stdout, String stderr) {
    }

    /** The launcher's setup, as ./cellbench does it (its shell options too); $0 is the repository's root. */
    private static final String LAUNCHER = "set -euo pipefail; . \"$0/scripts/find-jdk.sh\" && . \"$0/scripts/jvm-start.sh\""
            + " && cellbench_find_jdk";

    private final Path root;
    private final Path jar;

    private LauncherJar(Path root, Path jar) {
        this.root = root;
        this.jar = jar;
    }

    /** Packs this test's class path into {@code dir}: modules' classes as jars, libraries as links to theirs. */
    static LauncherJar pack(Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
                Path moduleJar = lib.resolve(p.getParent().getParent().getFileName() + ".jar");
                jarOf(p, moduleJar);
                classPath.add("lib/" + moduleJar.getFileName());
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                // linked, not named by an absolute URL: the JVM's AOT cache takes fewer classes from those
                Path link = lib.resolve(classPath.size() + "-" + p.getFileName());
                Files.createSymbolicLink(link, p);
                classPath.add("lib/" + link.getFileName());
            }
        }
        Path jar = dir.resolve("cellbench.jar");
        writeMainJar(jar, classPath);
        return new LauncherJar(repositoryRoot(), jar);
    }

    /** Writes the main jar again, as a rebuild does: same content, a new file (time, inode). */
    void rebuild() throws IOException {
        Manifest manifest;
        try (var in = new java.util.jar.JarFile(jar.toFile())) {
            manifest = in.getManifest();
        }
        Path fresh = jar.resolveSibling("cellbench.jar.new");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(fresh), manifest)) {
            out.flush();
        }
        Files.move(fresh, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code cellbench ARGS} through the launcher's last step, with {@code env} added to the environment. */
    Output run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(env, "cellbench_exec \"$@\"", args);
    }

    /**
     * As {@link #run}, for benchmarks: the command's output is dropped, and standard error holds
     * bash's {@code times}, whose last line is the user and system CPU time of everything it started
     * ("0m1.234s 0m0.056s").
     */
    Output runTimed(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(env, "rc=0; (cellbench_exec \"$@\" >/dev/null 2>&1) || rc=$?; times >&2; exit $rc", args);
    }

    private Output launch(Map<String, String> env, String step, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", LAUNCHER + " && " + step,
                root.toString(), jar.toString()));
        command.addAll(List.of(args));
        return start(command, env);
    }

    /** The flags the launcher gives the JVM for {@code cellbench FIRST-ARG…}, one a line. */
    Output aotFlags(Map<String, String> env, String firstArg) throws IOException, InterruptedException {
        return start(List.of("bash", "-c", LAUNCHER + " && read -ra f <<<\"$(cellbench_jvm_flags)\""
                + " && cellbench_aot_flags \"$1\" \"$2\" \"${f[@]}\" && for a in \"${CELLBENCH_AOT_FLAGS[@]}\"; do echo \"$a\"; done",
                root.toString(), jar.toString(), firstArg), env);
    }

    /** The JIT flags the launcher gives the JVM for {@code cellbench ARGS}, one a line. */
    Output jitFlags(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", LAUNCHER
                + " && shift && cellbench_jit_flags \"$@\" && for a in \"${CELLBENCH_JIT_FLAGS[@]}\"; do echo \"$a\"; done",
                root.toString(), jar.toString()));
        command.addAll(List.of(args));
        return start(command, Map.of());
    }

    /** Whether a JVM with the launcher's flags maps {@code cache} for this jar: AOTMode=on fails if it cannot. */
    Output mapsCache(Path cache) throws IOException, InterruptedException {
        return start(List.of("bash", "-c", ". \"$0/scripts/find-jdk.sh\" && cellbench_find_jdk"
                + " && read -ra f <<<\"$(cellbench_jvm_flags)\""
                + " && exec java \"${f[@]}\" -XX:AOTMode=on \"-XX:AOTCache=$2\" -jar \"$1\" --version",
                root.toString(), jar.toString(), cache.toString()), Map.of());
    }

    private static Output start(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("CELLBENCH_AOT");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK the tests run on
        pb.environment().putAll(env);
        Path out = Files.createTempFile("cellbench-launcher-", ".out");
        Path err = Files.createTempFile("cellbench-launcher-", ".err");
        try {
            Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) { // a hang guard, not a speed check
                p.destroyForcibly();
                fail("the launcher did not end within 300 s: " + command);
            }
            return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void writeMainJar(Path jar, List<String> classPath) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }

    private static void jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/jvm-start.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no scripts/jvm-start.sh above " + Path.of("").toAbsolutePath());
    }

    /** Writes text that is no AOT cache (nor its configuration) into {@code file}. */
    static void garbage(Path file, int bytes) throws IOException {
        byte[] line = "this is not an AOT cache\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = 0; n < bytes; n += line.length) {
                out.write(line);
            }
        }
        assertTrue(Files.size(file) >= bytes);
    }
}
