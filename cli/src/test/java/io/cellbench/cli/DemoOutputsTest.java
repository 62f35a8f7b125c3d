package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's outputs, pinned: a refactoring that users must not notice (issue 12) leaves every
 * file the demo writes, its console summary and what {@code cellbench data} reads back from it
 * exactly as they were. The demo is deterministic given its start instant and run id, which this
 * test fixes; {@link OutputFingerprint} says what is compared how.
 *
 * <p>The fingerprint is {@value #GOLDEN}. When a change is meant to alter the outputs, rewrite it
 * and review the diff this prints before committing (docs/testing.md):
 * <pre>
 * mvn -B -ntp verify -pl cli -am -Dtest=DemoOutputsTest -Dsurefire.failIfNoSpecifiedTests=false -Dcellbench.golden=write
 * </pre>
 */
class DemoOutputsTest {
    static final String GOLDEN = "cli/src/test/resources/io/cellbench/cli/demo-fingerprint.txt";
    static final RunStart START = new RunStart(Instant.parse("2025-03-01T18:00:00Z"), "run-fingerprint");

    @Test
    void theDemoWritesPrintsAndReadsBackWhatItDidBefore(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("demo").toAbsolutePath().normalize();
        Console demo = Console.run(cl -> ((DemoCommand) cl.getSubcommands().get("demo").getCommand()).start = START,
                "demo", "--out", run.toString());
        assertEquals(0, demo.exitCode(), demo.out() + demo.err());

        OutputFingerprint print = new OutputFingerprint(run);
        List<String> lines = new ArrayList<>();
        lines.add("# The demo's outputs (DemoOutputsTest): started " + START.at() + ", run id " + START.runId() + ".");
        lines.add("# Rewrite with -D" + Golden.WRITE_PROPERTY + "=write and review the diff it prints (docs/testing.md).");
        lines.add("");
        lines.add("== files (the run directory is $RUN)");
        files(run, print, lines);
        lines.add("");
        lines.add("== console (the summary; progress lines and wall time left out)");
        lines.addAll(summary(print.withoutRunDirectory(demo.out())));
        lines.add("");
        lines.add("== cellbench data");
        data(run, tmp.resolve("data"), print, lines);
        Golden.assertMatchesFile(GOLDEN, String.join("\n", lines) + "\n");
    }

    private static void files(Path run, OutputFingerprint print, List<String> lines) throws IOException {
        for (Path file : regularFiles(run)) {
            String name = run.relativize(file).toString().replace('\\', '/');
            if (name.equals("cellbench.lock")) {
                // who holds the run directory: process id, host and wall time, different every run
                lines.add(name + ": keys " + Files.readAllLines(file).stream().map(l -> l.split("=", 2)[0]).toList());
            } else if (name.equals("events.jsonl")) {
                lines.add(name + ": per cell");
                print.perCellLines(file).forEach(l -> lines.add("  " + l));
            } else if (name.equals("run.json")) {
                lines.add(name + ": " + print.runJson(file));
            } else if (name.matches("journal/.*\\.json") && !name.startsWith("journal/run-")) {
                lines.add(name + ": " + print.journal(file));
            } else if (name.matches("cells/[^/]+/samples.*\\.arrows")) {
                lines.add(name + ": Arrow");
                print.samples(file, ArrowWriteOptions.DEFAULT_BATCH_ROWS).forEach(l -> lines.add("  " + l));
            } else if (name.endsWith(".arrows")) {
                lines.add(name + ": Arrow");
                print.arrow(file).forEach(l -> lines.add("  " + l));
            } else {
                lines.add(name + ": " + print.text(file));
            }
        }
    }

    /** From the per-cycle table to the end, without the wall time the demo took. */
    private static List<String> summary(String out) {
        List<String> all = out.lines().toList();
        List<String> lines = new ArrayList<>(all.stream().filter(l -> l.startsWith("cellbench demo: ")).toList());
        for (String l : all.subList(all.indexOf("Per-cycle summary"), all.size())) {
            if (!l.startsWith("Demo finished in ")) {
                lines.add(l);
            }
        }
        return lines;
    }

    private static void data(Path run, Path out, OutputFingerprint print, List<String> lines) throws IOException {
        Files.createDirectories(out);
        for (String cell : cells(run)) {
            for (String command : List.of("cycles", "raw", "eis")) {
                for (String format : List.of("table", "csv", "json")) {
                    Console c = Console.run("data", command, run.toString(), "--cell", cell, "--format", format);
                    assertEquals(0, c.exitCode(), c.out() + c.err());
                    lines.add("data " + command + " --cell " + cell + " --format " + format + ": " + print.printed(c.out()));
                }
            }
            for (String command : List.of("raw", "eis")) {
                Path file = out.resolve(command + "-" + cell + ".arrows");
                Console c = Console.run("data", command, run.toString(), "--cell", cell, "--format", "arrow", "-o",
                        file.toString());
                assertEquals(0, c.exitCode(), c.out() + c.err());
                lines.add("data " + command + " --cell " + cell + " --format arrow: Arrow");
                print.arrow(file).forEach(l -> lines.add("  " + l));
            }
        }
        for (String format : List.of("bdf", "csv", "arrow")) {
            Path dir = out.resolve("export-" + format);
            Console c = Console.run("data", "export", run.toString(), "--format", format, "-o", dir.toString());
            assertEquals(0, c.exitCode(), c.out() + c.err());
            for (Path file : regularFiles(dir)) {
                String name = "data export --format " + format + ": " + dir.relativize(file);
                if (format.equals("arrow")) {
                    lines.add(name + ": Arrow");
                    print.arrow(file).forEach(l -> lines.add("  " + l));
                } else {
                    lines.add(name + ": " + print.text(file));
                }
            }
        }
    }

    private static List<String> cells(Path run) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("cells"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
