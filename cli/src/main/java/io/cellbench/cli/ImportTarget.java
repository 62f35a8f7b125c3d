package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.importers.ImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where an import writes: first a hidden temporary directory beside {@code --out} (same file
 * system, so the last step is a rename), then, once every file has been read, the rename. A
 * failure at any point deletes the temporary directory: a bad file leaves nothing behind, and
 * nothing is ever written outside {@code --out}'s parent and, in the end, {@code --out}. An
 * interrupted import (Ctrl-C) removes it too, from a shutdown hook.
 */
final class ImportTarget {

    @FunctionalInterface
    interface Writer<T> {
        T write(Path directory) throws IOException, ImportException;
    }

    private ImportTarget() {
    }

    /** Refuses an {@code --out} that exists and is not an empty directory: an import never adds to or replaces data. */
    static void refuseData(Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError(out + " exists and is not a directory: give --out a new or empty directory");
        }
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw new UserError(out + " already holds data" + (OutputRule.isRunDirectory(out) ? " (a run directory)" : "")
                        + "; an import writes to a new or empty directory: choose another --out");
            }
        }
    }

    /** Runs {@code writer} in a temporary directory and renames it to {@code out}; on any failure removes it. */
    static <T> T write(Path out, Writer<T> writer) throws IOException, ImportException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = temporaryBeside(target);
        // Ctrl-C (or a kill) skips the finally below: the hook removes what was begun
        Thread onInterrupt = new Thread(() -> {
            // the import may still be writing while this runs: a file it adds meanwhile needs another walk
            for (int attempt = 1; ; attempt++) {
                try {
                    delete(temporary);
                    return;
                } catch (IOException | java.io.UncheckedIOException e) {
                    if (attempt == 5) {
                        System.err.println("cellbench import: could not remove " + temporary + ": " + e.getMessage());
                        return;
                    }
                }
            }
        }, "import-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean committed = false;
        try {
            T result = writer.write(temporary);
            refuseData(out); // someone may have written there meanwhile
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty (checked just now): the rename takes its place
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            return result;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and removes the directory
            }
            if (!committed) {
                delete(temporary);
            }
        }
    }

    /** A new hidden directory beside {@code target}, made like any other (the umask's permissions, not private ones). */
    private static Path temporaryBeside(Path target) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path dir = target.resolveSibling("." + target.getFileName() + ".import-" + Long.toHexString(random.nextLong()));
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
