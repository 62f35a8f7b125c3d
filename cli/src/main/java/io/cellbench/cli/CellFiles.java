package io.cellbench.cli;

import io.cellbench.cli.format.RowWriter;
import io.cellbench.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One output file per cell in a directory ({@code <cell><suffix>}), each opened when its
 * cell's first row arrives, so rows of several cells may come interleaved (InfluxDB answers
 * in time order) and still stream straight to their files.
 */
final class CellFiles<R> implements AutoCloseable {

    @FunctionalInterface
    interface Opener<R> {
        RowWriter<R> open(String cellId, Path file) throws IOException;
    }

    /** What was written for one cell. */
    record Written(String cellId, Path file, long rows) {
    }

    private final Path directory;
    private final String suffix;
    private final Opener<R> opener;
    private final Map<String, RowWriter<R>> writers = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private List<Written> written;

    CellFiles(Path directory, String suffix, Opener<R> opener) {
        this.directory = directory;
        this.suffix = suffix;
        this.opener = opener;
    }

    void accept(String cellId, R row) throws IOException {
        writer(cellId).write(row);
    }

    /** The cell's file, opened when first asked for. */
    RowWriter<R> writer(String cellId) throws IOException {
        RowWriter<R> writer = writers.get(cellId);
        if (writer == null) {
            Path file = directory.resolve(fileName(cellId) + suffix);
            if (Files.exists(file)) {
                throw new UserError(file + " already exists; remove it or export into another directory");
            }
            writer = opener.open(cellId, file);
            writers.put(cellId, writer);
            files.put(cellId, file);
        }
        return writer;
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    /** Closes every file (once) and says what each holds, in the order the cells first came. */
    List<Written> finish() throws IOException {
        if (written != null) {
            return written;
        }
        List<Written> result = new ArrayList<>();
        IOException failure = null;
        for (var e : writers.entrySet()) {
            try {
                e.getValue().close();
            } catch (IOException x) {
                failure = failure == null ? x : failure;
            }
            result.add(new Written(e.getKey(), files.get(e.getKey()), e.getValue().rows()));
        }
        written = List.copyOf(result);
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    /** A cell id as a file name: run-directory ids already are; InfluxDB tags may hold anything. */
    static String fileName(String cellId) {
        String name = cellId == null || cellId.isEmpty() ? "unnamed" : cellId.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
