package io.cellbench.cli;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cellbench.core.format.Decimals;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What run.json records of an import, besides what every run records: per cell, an {@code import}
 * object with the source file (path, size, SHA-256), the reader and the layout version, the
 * instrument and everything else the file said about its test, and every repair and warning. The
 * cell's instrument and nominal capacity (the file's, else its largest cycle's capacity) are set
 * too: an import learns them only from the files, after the run directory was opened.
 */
final class ImportManifest {
    /**
     * Rewrites run.json keeping each number's text as it was written (Decimals: 1742977375.474,
     * never 1.742977375474E9): read as exact BigDecimals, written back in plain notation.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(io.cellbench.core.format.PlainJson.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ImportManifest() {
    }

    static void annotate(Path dir, java.util.List<ImportRun.Imported> imported) throws IOException {
        Path runJson = dir.resolve("run.json");
        ObjectNode root = (ObjectNode) JSON.readTree(runJson.toFile());
        for (JsonNode c : root.path("cells")) {
            ObjectNode cell = (ObjectNode) c;
            imported.stream().filter(i -> i.cellId().equals(cell.path("id").asText())).findFirst()
                    .ifPresent(i -> describe(cell, i));
        }
        Path tmp = dir.resolve("run.json.tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.move(tmp, runJson, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void describe(ObjectNode cell, ImportRun.Imported i) {
        ImportMetadata m = i.metadata();
        if (m.instrument() != null && !m.instrument().isEmpty()) {
            cell.put("instruments", m.instrument());
        }
        double nominal = ImportedCell.fileNominalCapacityAh(m);
        String capacity = "nominal capacity as the file gives it";
        if (Double.isNaN(nominal)) {
            nominal = i.largestCycleAh() > 0 ? i.largestCycleAh() : ImportedCell.UNKNOWN_CAPACITY_AH;
            capacity = i.largestCycleAh() > 0 ? "nominal capacity not in the file: the largest capacity of one cycle"
                    : "nominal capacity not in the file and no capacity measured: 1 Ah stands in";
        }
        cell.putRawValue("nominal_capacity_ah", new RawValue(Decimals.plain(nominal)));
        cell.put("notes", "imported from " + i.file().getFileName() + "; " + capacity);
        ObjectNode imp = cell.putObject("import");
        imp.put("source_file", i.file().toAbsolutePath().normalize().toString());
        imp.put("source_size_bytes", m.source().sizeBytes());
        imp.put("source_sha256", m.source().sha256());
        imp.put("reader", i.reader());
        imp.put("format_version", m.formatVersion());
        imp.put("instrument", m.instrument());
        ObjectNode software = imp.putObject("software_versions");
        m.softwareVersions().forEach(software::put);
        imp.put("start_time", m.startTime() == null ? null : m.startTime().toString());
        ArrayNode techniques = imp.putArray("techniques");
        m.techniques().forEach(techniques::add);
        imp.put("program_format", m.programFormat());
        imp.put("counter_scope", m.counterScope() == null ? null : m.counterScope().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode aux = imp.putArray("aux_columns");
        m.auxColumns().forEach(a -> aux.add(a.name() + (a.unit() == null || a.unit().isEmpty() ? "" : " / " + a.unit())));
        ObjectNode properties = imp.putObject("properties");
        new java.util.TreeMap<>(m.properties()).forEach(properties::put);
        imp.put("samples", i.samples());
        imp.put("spectra", i.spectra());
        ArrayNode repairs = imp.putArray("repairs");
        ArrayNode warnings = imp.putArray("warnings");
        for (ImportNote n : i.notes()) {
            ObjectNode o = (n.severity() == ImportNote.Kind.REPAIR ? repairs : warnings).addObject();
            o.put("kind", n.kind());
            o.put("message", n.message());
            o.put("first_record", n.firstRecord());
            o.put("count", n.count());
        }
    }
}
