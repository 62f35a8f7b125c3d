package io.cellbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Public reference data (vendor files, recorded instrument replies, schemas, spectra with
 * published results) that drivers, readers and analyses are checked against. It is never
 * committed to this project (third-party files); it lies beside the project as
 * {@code ../shared/reference/}, or where {@code $CELLBENCH_REFERENCE} (or the system property
 * {@code cellbench.reference}) points.
 *
 * <p>When it is absent a check cannot run. That is never silent: the test is aborted with
 * "reference data absent: …", {@link ReferenceSummary} prints how many checks did not run at the
 * end of each module's tests, and when {@code CELLBENCH_REFERENCE_REQUIRED=1} (set by
 * {@code .ci/run}) the test fails instead.
 */
public final class ReferenceData {

    static final AtomicInteger NOT_RUN = new AtomicInteger();

    private ReferenceData() {
    }

    /**
     * The reference file or folder at {@code relative} (for example
     * {@code "palmsens/Example_C-README.adoc"}). Aborts the calling test, or fails it when
     * reference data are required, if it is not there.
     */
    public static Path require(String relative) {
        Path root = root();
        Path file = root == null ? null : root.resolve(relative);
        if (file != null && Files.exists(file)) {
            return file;
        }
        String where = root == null
                ? "no ../shared/reference beside the project and CELLBENCH_REFERENCE is not set"
                : file + " does not exist";
        String message = "reference data absent: " + relative + " (" + where + ")";
        if (required()) {
            Assertions.fail(message + "; CELLBENCH_REFERENCE_REQUIRED is set, so this is a failure");
        }
        NOT_RUN.incrementAndGet();
        System.err.println("WARNING " + message + ": check not run");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** True when absent reference data must fail the test ({@code CELLBENCH_REFERENCE_REQUIRED=1}). */
    public static boolean required() {
        String flag = System.getProperty("cellbench.reference.required",
                System.getenv("CELLBENCH_REFERENCE_REQUIRED"));
        return flag != null && !flag.isBlank() && !flag.equals("0") && !flag.equalsIgnoreCase("false");
    }

    /** The reference root, or {@code null} when none is found. */
    public static Path root() {
        String configured = System.getProperty("cellbench.reference", System.getenv("CELLBENCH_REFERENCE"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? path : null;
        }
        // beside the project root (the directory holding the parent pom and run-tests)
        Path dir = ProjectFiles.root();
        if (dir == null) {
            return null;
        }
        Path beside = dir.resolveSibling("shared").resolve("reference");
        return Files.isDirectory(beside) ? beside : null;
    }
}
