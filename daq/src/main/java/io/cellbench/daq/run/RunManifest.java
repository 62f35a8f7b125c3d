package io.cellbench.daq.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The content of run.json: the run's identity and its cells. It is rewritten whole (to a
 * temporary file, then renamed over the old one) whenever a cell starts or ends, so a crash
 * leaves either the old or the new version, never half of one.
 */
public record RunManifest(String runId, String startTime, String cellbenchVersion, List<CellEntry> cells) {

    public static final String FORMAT = "cellbench-run";
    public static final int FORMAT_VERSION = 1;

    public RunManifest {
        cells = List.copyOf(cells);
    }

    static RunManifest of(RunInfo info) {
        return new RunManifest(info.runId(), info.startTime().toString(), info.cellbenchVersion(), List.of());
    }

    public Optional<CellEntry> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** This manifest with {@code entry} replacing the cell of the same id, or added at the end. */
    RunManifest with(CellEntry entry) {
        List<CellEntry> updated = new ArrayList<>(cells);
        int i = 0;
        while (i < updated.size() && !updated.get(i).id().equals(entry.id())) {
            i++;
        }
        if (i < updated.size()) {
            updated.set(i, entry);
        } else {
            updated.add(entry);
        }
        return new RunManifest(runId, startTime, cellbenchVersion, updated);
    }

    /**
     * This manifest with the cells of {@code order} first, in its order, then the others as they
     * stand. A run.json written before cells were kept in schedule order is put in order too, at
     * the first start of a resume.
     */
    RunManifest inOrder(List<String> order) {
        List<CellEntry> sorted = new ArrayList<>(cells);
        // stable: the cells order does not name keep their order, after those it does
        sorted.sort(Comparator.comparingInt(c -> {
            int i = order.indexOf(c.id());
            return i < 0 ? order.size() : i;
        }));
        return new RunManifest(runId, startTime, cellbenchVersion, sorted);
    }

    void write(Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("run_id", runId);
        root.put("start_time", startTime);
        root.put("cellbench_version", cellbenchVersion);
        ArrayNode array = root.putArray("cells");
        cells.forEach(c -> array.add(c.toJson()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp); // the old run.json stays whole
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static RunManifest read(Path file) throws IOException {
        Path dir = file.getParent();
        boolean holdsData = dir != null && (Files.isDirectory(dir.resolve(RunLayout.CELLS))
                || Files.isDirectory(dir.resolve("journal")));
        if (!Files.isRegularFile(file)) {
            if (holdsData) {
                // the readers' part of a lost run.json: say what to do rather than "not a run directory"
                throw new IOException(dir + " has no run.json, but holds a run's data and journal: rebuild run.json"
                        + " with 'cellbench repair " + dir + "'");
            }
            throw new NoSuchFileException(file.toString(), null,
                    "not found: " + dir + " is not a cellbench run directory");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage() + (holdsData
                    ? "; 'cellbench repair " + dir + "' rebuilds it from the data files" : ""), e);
        }
        if (!FORMAT.equals(Json.text(root, "format"))) {
            throw new IOException(file + ": not a cellbench run description (\"format\" is not \"" + FORMAT + "\")");
        }
        List<CellEntry> cells = new ArrayList<>();
        for (JsonNode c : root.path("cells")) {
            try {
                cells.add(CellEntry.fromJson(c));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IOException(file + ": cell " + (cells.size() + 1) + ": " + e.getMessage(), e);
            }
        }
        return new RunManifest(Json.textOrEmpty(root, "run_id"), Json.textOrEmpty(root, "start_time"),
                Json.textOrEmpty(root, "cellbench_version"), cells);
    }
}
