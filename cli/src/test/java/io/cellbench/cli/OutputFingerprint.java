package io.cellbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Fingerprints of a run's output files, one text line per fact, for {@link DemoOutputsTest}.
 * What may legitimately differ between two runs of the same build is left out, and nothing else:
 * the run directory's absolute path (replaced by {@code $RUN}), the order Arrow keeps metadata in
 * (a HashMap: sorted here), and the order in which cells running on their own threads interleave
 * lines in the shared files (compared per cell).
 */
final class OutputFingerprint {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    private final String runDirectory;

    /** @param runDirectory the absolute path that stands as {@code $RUN} in the fingerprint */
    OutputFingerprint(Path runDirectory) {
        this.runDirectory = runDirectory.toString();
    }

    String withoutRunDirectory(String text) {
        return text.replace(runDirectory, "$RUN");
    }

    /** A text file by its bytes, the run directory replaced. */
    String text(Path file) throws IOException {
        String text = withoutRunDirectory(Files.readString(file));
        return "sha256 " + sha256(text) + ", " + text.lines().count() + " lines";
    }

    /** A text printed by a command, as {@link #text(Path)}. */
    String printed(String text) {
        String t = withoutRunDirectory(text);
        return "sha256 " + sha256(t) + ", " + t.lines().count() + " lines";
    }

    /**
     * A file that several cells write, line by line, from their own threads (events.jsonl): one
     * line per cell id (in the "cell_id" key; "" for run-wide lines), with the hash of that cell's
     * lines in file order. Their interleaving depends on thread scheduling.
     */
    List<String> perCellLines(Path file) throws IOException {
        Map<String, List<String>> byCell = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String cell = JSON.readTree(line).path("cell_id").asText("");
            byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(withoutRunDirectory(line));
        }
        List<String> out = new ArrayList<>();
        byCell.forEach((cell, lines) -> out.add("cell '" + cell + "': " + lines.size() + " lines, sha256 "
                + sha256(String.join("\n", lines))));
        return out;
    }

    /**
     * A cell's journal, its simulated instruments' state with sorted keys: the journal copies
     * that map with {@code Map.copyOf}, whose order changes from one JVM to the next.
     */
    String journal(Path file) throws IOException {
        JsonNode root = JSON.readTree(withoutRunDirectory(Files.readString(file)));
        if (root.get("instruments") instanceof ObjectNode instruments) {
            ((ObjectNode) root).set("instruments", JSON.valueToTree(JSON.treeToValue(instruments, TreeMap.class)));
        }
        return "instruments' keys sorted, sha256 " + sha256(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /**
     * run.json with its cells sorted by id (the run appends each cell when it starts, so their
     * order depends on thread scheduling) and every object's keys sorted.
     */
    String runJson(Path file) throws IOException {
        JsonNode root = JSON.readTree(withoutRunDirectory(Files.readString(file)));
        List<JsonNode> cells = new ArrayList<>();
        root.path("cells").forEach(cells::add);
        cells.sort((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()));
        ArrayNode sorted = ((ObjectNode) root).putArray("cells");
        cells.forEach(sorted::add);
        Object tree = JSON.treeToValue(root, Object.class); // maps, so that their keys are sorted when written
        return "sorted cells and keys, sha256 " + sha256(JSON.writeValueAsString(tree));
    }

    /**
     * An Arrow IPC stream decoded: every field (name, type, nullable, metadata sorted by key), the
     * schema metadata sorted by key, the row count of every batch, and one hash over the raw bits
     * of every value, row by row, with a null flag.
     */
    List<String> arrow(Path file) throws IOException {
        return arrow(file, 0);
    }

    /**
     * {@link #arrow(Path)} for a cell's samples, whose batches the cell's journal writes (a flush
     * after each journal write): at every step start and after {@code journalRows} samples, but
     * also within a step once a second of wall time has passed (CellJournal), which a loaded
     * machine reaches in steps an idle one finishes sooner. So the batches are compared by the
     * rules that do not depend on wall time: none holds rows of two steps, none more than
     * {@code journalRows} rows.
     */
    List<String> samples(Path file, int journalRows) throws IOException {
        return arrow(file, journalRows);
    }

    private List<String> arrow(Path file, int journalRows) throws IOException {
        List<String> out = new ArrayList<>();
        MessageDigest values = digest();
        List<Long> batches = new ArrayList<>();
        boolean eachWithinAStep = true;
        try (BufferAllocator allocator = new RootAllocator();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowStreamReader reader = new ArrowStreamReader(channel, allocator, CommonsCompressionFactory.INSTANCE)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            for (Field f : root.getSchema().getFields()) {
                out.add("field " + f.getName() + " " + f.getType() + (f.isNullable() ? " nullable " : " not null ")
                        + new TreeMap<>(f.getMetadata()));
            }
            new TreeMap<>(root.getSchema().getCustomMetadata()).forEach((k, v) ->
                    out.add("metadata " + k + "=" + withoutRunDirectory(v)));
            while (reader.loadNextBatch()) {
                batches.add((long) root.getRowCount());
                hashRows(root, values);
                if (journalRows > 0) {
                    IntVector steps = (IntVector) root.getVector("step_count");
                    eachWithinAStep &= root.getRowCount() == 0 || steps.get(0) == steps.get(root.getRowCount() - 1);
                }
            }
        }
        long rows = batches.stream().mapToLong(Long::longValue).sum();
        long largest = batches.stream().mapToLong(Long::longValue).max().orElse(0);
        if (journalRows > 0 && eachWithinAStep && largest <= journalRows) {
            out.add("rows " + rows + " in batches of one step each, none above " + journalRows + " rows");
        } else {
            out.add("rows " + rows + " in " + batches.size() + " batches of " + runLengths(batches)
                    + (journalRows > 0 ? " (not all of one step and at most " + journalRows + " rows)" : ""));
        }
        out.add("values sha256 " + HexFormat.of().formatHex(values.digest()));
        return out;
    }

    private static void hashRows(VectorSchemaRoot root, MessageDigest digest) {
        ByteBuffer cell = ByteBuffer.allocate(9);
        List<FieldVector> vectors = root.getFieldVectors();
        for (int row = 0; row < root.getRowCount(); row++) {
            for (FieldVector v : vectors) {
                cell.clear();
                if (v.isNull(row)) {
                    cell.put((byte) 0);
                } else {
                    cell.put((byte) 1);
                    switch (v) {
                        case Float8Vector d -> cell.putLong(Double.doubleToRawLongBits(d.get(row)));
                        case IntVector i -> cell.putInt(i.get(row));
                        case BigIntVector l -> cell.putLong(l.get(row));
                        default -> throw new AssertionError("the fingerprint does not read " + v.getField()
                                + " yet: add its type");
                    }
                }
                digest.update(cell.flip());
            }
        }
    }

    /** "1024×3, 17": the batch sizes, repeats counted. */
    private static String runLengths(List<Long> sizes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sizes.size(); ) {
            int j = i;
            while (j < sizes.size() && sizes.get(j).equals(sizes.get(i))) {
                j++;
            }
            parts.add(sizes.get(i) + (j - i > 1 ? "×" + (j - i) : ""));
            i = j;
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
