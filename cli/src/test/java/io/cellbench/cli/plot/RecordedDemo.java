package io.cellbench.cli.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo, recorded once per test JVM for the plot command's tests that only read it
 * (PlotYRangeTest, ResistancePlotTest, DocImagesTest). The demo is deterministic (seeded cells,
 * virtual time), so each class recording its own drew the same run three times, about 15 s of
 * a loaded machine each. Plots write only their -o file, into the test's own directory, never
 * into the run; a test that changes the run must record its own ({@link Cellbench#demo}). The
 * run is deleted when the JVM exits.
 */
final class RecordedDemo {
    private static Path demo;

    private RecordedDemo() {
    }

    /** The demo run, recorded on first use. */
    static synchronized Path path() {
        if (demo == null) {
            try {
                Path dir = Files.createTempDirectory("cellbench-plot-demo");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                demo = Cellbench.demo(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind at exit harms nothing
        }
    }
}
