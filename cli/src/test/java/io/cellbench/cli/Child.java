package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@code cellbench} command line run as a real child process (its own JVM, as a technician
 * starts it), with everything it prints in a log file.
 */
public record Child(Process process, Path log) {

    /** Starts {@code cellbench args…}; its output goes to a new log file in {@code logs}. */
    public static Child start(Path logs, String... args) throws IOException {
        return start(logs, List.of(), args);
    }

    /** As {@link #start(Path, String...)}, run through {@code prefix} (e.g. a shell that sets limits first). */
    public static Child start(Path logs, List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(java());
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path log = logs.resolve("cellbench-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Child(p, log);
    }

    /** The JVM and class path that run cellbench's main class as the tests see it. */
    public static List<String> java() {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        if (Runtime.version().feature() >= 24) {
            java.add("--sun-misc-unsafe-memory-access=allow"); // as the launcher: no warning in what the run prints
        }
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return java;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * True once this process runs {@code runDirectory} and answers for it on the control
     * channel (a process still starting answers "the run is starting" and takes no stop yet).
     */
    public boolean runs(Path runDirectory) {
        Console status = Console.run("status", runDirectory.toString(), "--json");
        try {
            var s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out());
            return s.path("running").asBoolean() && s.path("pid").asLong() == pid();
        } catch (IOException e) {
            return false;
        }
    }

    /** What it printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for its end (at most {@code seconds}); returns its exit code. */
    public int exit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cellbench did not end within " + seconds + " s; it printed:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL, as a crash would, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "a SIGKILL ends a process");
    }

    /**
     * Waits (hang guard: {@code seconds}) for {@code condition}; when {@code mustLive} is
     * given, that child must stay alive meanwhile.
     */
    public static void waitFor(Child mustLive, BooleanSupplier condition, String what, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (mustLive != null && !mustLive.alive()) {
                throw new AssertionError("the process ended while waiting for: " + what + "; it printed:\n"
                        + mustLive.output());
            }
            assertTrue(System.nanoTime() < deadline, "not within " + seconds + " s: " + what);
            Thread.sleep(20);
        }
    }
}
