package io.cellbench.importers.bdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.testing.ReferenceData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The term table the BDF reader ships ({@code bdf-terms.tsv}) is exactly what the BDF 1.3.0
 * schema says: it is derived from schema.json here, never written by hand. When the schema moves
 * on, this test fails and writes the new table to target/bdf-terms.tsv to copy over.
 */
class BdfTermsTest {

    private static final Pattern SUPERSEDED = Pattern.compile("superseded by (\\w+)");

    @Test
    void tableIsDerivedFromTheSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ReferenceData.require("bdf/schema-1.3.0.json").toFile());
        List<String> lines = new ArrayList<>();
        lines.add("# BDF terms derived from battery-data-format-ontology schema/schema.json, version "
                + schema.get("dcterms:version").asText() + " (Apache-2.0).");
        lines.add("# Regenerated and checked by BdfTermsTest; do not edit by hand.");
        lines.add("# name\tlabel\tunit\tdatatype\tother headers\tsuperseded by");
        for (JsonNode column : schema.get("csvw:columns")) {
            String name = column.get("csvw:name").asText();
            String label = column.get("skos:prefLabel").get("@value").asText();
            List<String> others = new ArrayList<>();
            JsonNode titles = column.get("csvw:titles");
            List<String> candidates = new ArrayList<>();
            if (titles != null && titles.isArray()) {
                titles.forEach(t -> candidates.add(t.asText()));
            } else if (titles != null) {
                candidates.add(titles.asText());
            }
            if (column.hasNonNull("skos:altLabel")) {
                candidates.add(column.get("skos:altLabel").asText());
            }
            for (String candidate : candidates) {
                if (!others.contains(candidate) && !candidate.equals(name) && !candidate.equals(label)) {
                    others.add(candidate);
                }
            }
            String superseded = "";
            if (column.path("owl:deprecated").asBoolean(false)) {
                Matcher m = SUPERSEDED.matcher(column.path("skos:note").asText());
                superseded = m.find() ? m.group(1) : "";
            }
            lines.add(String.join("\t", name, label, column.path("schema:unitCode").asText(""),
                    column.path("csvw:datatype").path("csvw:base").asText(""), String.join("|", others), superseded));
        }
        String expected = String.join("\n", lines) + "\n";
        String shipped;
        try (InputStream in = BdfTerms.class.getResourceAsStream("bdf-terms.tsv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(shipped)) {
            Path fresh = Path.of("target", "bdf-terms.tsv");
            Files.writeString(fresh, expected);
            assertEquals(expected, shipped, "bdf-terms.tsv differs from the schema; the derived table is in " + fresh.toAbsolutePath()
                    + ": copy it to src/main/resources/io/cellbench/importers/bdf/");
        }
        assertEquals(63, BdfTerms.get().terms().size());
        assertEquals("1.3.0", BdfTerms.get().version());
    }

    @Test
    void everyDeprecatedTermHasACurrentSuccessor() {
        long deprecated = BdfTerms.get().terms().values().stream().filter(BdfTerms.Term::deprecated).count();
        assertEquals(5, deprecated, "the schema marks 5 terms deprecated");
        BdfTerms.get().terms().values().stream().filter(BdfTerms.Term::deprecated).forEach(t -> {
            BdfTerms.Term successor = BdfTerms.get().terms().get(t.supersededBy());
            assertTrue(successor != null && !successor.deprecated(), t.name() + " -> " + t.supersededBy());
        });
    }

    @Test
    void headersResolveByNameLabelAndTitle() {
        BdfTerms terms = BdfTerms.get();
        assertEquals("test_time_second", terms.forHeader("test_time_second").name());
        assertEquals("test_time_second", terms.forHeader("Test Time / s").name());
        assertEquals("temperature_t1_celsius", terms.forHeader("Surface Temperature T1 / degC").name());
        assertEquals("step_index", terms.forHeader("step_index").name(), "the deprecated term itself, then mapped");
    }
}
