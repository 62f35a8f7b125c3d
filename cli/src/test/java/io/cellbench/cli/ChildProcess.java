package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A {@code cellbench} command line in a process of its own, as a technician starts it, for tests that stop or kill it. */
final class ChildProcess {
    /** Each started process's log, so a failure can show what a process said before it ended. */
    private static final Map<Process, Path> LOGS = new ConcurrentHashMap<>();

    private ChildProcess() {
    }

    /** Starts {@code cellbench args…} on this test's class path; its output (both streams) goes to {@code log}. */
    static Process cellbench(Path log, String... args) throws IOException {
        return cellbench(log, List.of(), args);
    }

    /** As {@link #cellbench(Path, String...)}, with {@code jvmOptions} (a test hook's -D…) before the class. */
    static Process cellbench(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LOGS.put(p, log);
        return p;
    }

    /** Waits (at most {@code seconds}) for the condition; the process, if given, must stay alive meanwhile. */
    static void waitFor(Process p, Supplier<Boolean> condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (p != null && !p.isAlive()) {
                fail("the process ended (exit " + p.exitValue() + ") while waiting for: " + what
                        + "; its last output:\n" + tail(p));
            }
            assertTrue(System.nanoTime() < deadline, "not within " + seconds + " s: " + what);
            Thread.sleep(50);
        }
    }

    /** The last lines a process started here wrote, or a note that there is no log. */
    static String tail(Process p) {
        Path log = LOGS.get(p);
        try {
            if (log == null || !Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
