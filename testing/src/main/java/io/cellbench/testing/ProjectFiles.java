package io.cellbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's own files as the tests see them: tests run with their module as working
 * directory, so the project root is found by walking up to the directory that holds the parent
 * pom and {@code run-tests}. Settings that the test command and the tests must agree on live in
 * one file there (e.g. {@code scripts/browser.env}), read by both.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The project root, or {@code null} when the tests do not run inside the project. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("run-tests")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return null;
    }

    /**
     * The value of {@code key} in the {@code KEY=VALUE} file at {@code relative} under the root
     * ({@code #} starts a comment line). Fails naming the file when the key or file is missing.
     */
    public static String setting(String relative, String key) {
        Path root = root();
        if (root == null) {
            throw new AssertionError("cannot find the project root (run-tests and pom.xml) above " + Path.of("")
                    .toAbsolutePath() + " to read " + relative);
        }
        Path file = root.resolve(relative);
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (!l.startsWith("#") && l.startsWith(key + "=")) {
                    return l.substring(key.length() + 1).strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        throw new AssertionError(file + " does not set " + key);
    }
}
