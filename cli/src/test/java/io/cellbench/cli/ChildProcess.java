package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A {@code cellbench} command line in a process of its own, as a technician starts it, for tests that stop or kill it. */
final class ChildProcess {
    private ChildProcess() {
    }

    /** Starts {@code cellbench args…} on this test's class path; its output (both streams) goes to {@code log}. */
    static Process cellbench(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.noUnsafe=false",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits (at most {@code seconds}) for the condition; the process, if given, must stay alive meanwhile. */
    static void waitFor(Process p, Supplier<Boolean> condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            assertTrue(p == null || p.isAlive(), "the process ended while waiting for: " + what);
            assertTrue(System.nanoTime() < deadline, "not within " + seconds + " s: " + what);
            Thread.sleep(50);
        }
    }
}
