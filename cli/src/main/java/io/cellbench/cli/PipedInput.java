package io.cellbench.cli;

import io.cellbench.importers.ImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file named on the command line that is not a regular file (a pipe, a process substitution
 * such as {@code <(zcat cell7.ndax.gz)}): readers look at a file's start to know its format and
 * archives are read by random access, so it is copied whole into the import's hidden directory
 * first, read from there, and deleted. Nothing is written outside --out.
 */
final class PipedInput implements AutoCloseable {

    private final Path given;
    private final Path copy;

    private PipedInput(Path given, Path copy) {
        this.given = given;
        this.copy = copy;
    }

    /** {@code file} itself when it is a regular file, else a copy of what it holds in {@code workDir}. */
    static PipedInput of(Path file, Path workDir, int index) throws IOException {
        if (Files.isRegularFile(file)) {
            return new PipedInput(file, file);
        }
        Path dir = Files.createDirectories(workDir.resolve(".piped"));
        Path copy = dir.resolve(index + "-" + file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return new PipedInput(file, copy);
    }

    /** Where to read it. */
    Path path() {
        return copy;
    }

    /** A reader's error names the file the user gave, not the copy. */
    ImportException named(ImportException e) {
        return copy.equals(given) ? e
                : new ImportException(given, e.getMessage().replace(copy + ":", "").strip(), e);
    }

    @Override
    public void close() throws IOException {
        if (!copy.equals(given)) {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent()); // only when no other copy is left in it
        }
    }
}
