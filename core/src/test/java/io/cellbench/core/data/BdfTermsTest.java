package io.cellbench.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.testing.ReferenceData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample columns of each BDF release cellbench writes, against the Battery Data Format's
 * own 1.3.0 table schema (the ontology's schema.json): which release is the latest, which
 * columns every compliant file needs, and which 1.2 names 1.3 deprecated. (cli's BdfSchemaTest
 * checks the 1.3 labels and units of an exported run.)
 */
class BdfTermsTest {
    /** Every column of the schema by machine name. */
    static final Map<String, JsonNode> SCHEMA = new HashMap<>();
    static String schemaVersion;

    @BeforeAll
    static void readSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ReferenceData.require("bdf/schema-1.3.0.json").toFile());
        schemaVersion = schema.get("dcterms:version").asText();
        for (JsonNode column : schema.get("csvw:columns")) {
            SCHEMA.put(column.get("csvw:name").asText(), column);
        }
    }

    private static boolean deprecated(String name) {
        return SCHEMA.get(name).path("owl:deprecated").asBoolean(false);
    }

    private static List<String> names(BdfVersion version) {
        return SampleField.columns(version).stream().map(DataColumn::columnName).toList();
    }

    @Test
    void theLatestReleaseIsTheSchemasAndBothReleasesRead() {
        assertEquals(schemaVersion, BdfVersion.LATEST.number());
        assertSame(BdfVersion.LATEST, BdfVersion.parse(schemaVersion));
        assertSame(BdfVersion.V1_3, BdfVersion.parse("1.3"));
        assertSame(BdfVersion.V1_2, BdfVersion.parse("1.2"));
        assertSame(BdfVersion.V1_2, BdfVersion.parse("1.2.0"));
        assertEquals("1.2.0", BdfVersion.V1_2.toString());
    }

    @Test
    void aReleaseCellbenchDoesNotWriteIsRefusedNamingThoseItDoes() {
        for (String text : List.of("1.1", "1.3.1", "1", "", "v1.3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BdfVersion.parse(text));
            assertEquals("no BDF version '" + text + "': cellbench writes 1.2.0, 1.3.0", e.getMessage());
        }
    }

    @Test
    void everyReleaseWritesTheColumnsTheSchemaRequires() {
        Set<String> required = new TreeSet<>();
        SCHEMA.forEach((name, column) -> {
            if (column.path("csvw:required").asBoolean(false)) {
                required.add(name);
            }
        });
        assertEquals(Set.of("test_time_second", "voltage_volt", "current_ampere"), required,
                "the schema's required columns (a new one must be written by every export)");
        for (BdfVersion version : BdfVersion.values()) {
            assertTrue(names(version).containsAll(required), version + ": " + names(version));
        }
    }

    @Test
    void bdf13WritesNoDeprecatedTermWhile12WritesExactlyTheThree13Deprecated() {
        for (String name : names(BdfVersion.V1_3)) {
            assertTrue(SCHEMA.containsKey(name) && !deprecated(name), name + " is not a current BDF 1.3.0 term");
        }
        Set<String> deprecatedIn12 = new TreeSet<>();
        for (DataColumn<Sample> column : SampleField.columns(BdfVersion.V1_2)) {
            String name = column.columnName();
            assertTrue(SCHEMA.containsKey(name), name + ": the 1.3.0 schema still lists every 1.2 term");
            assertEquals(SCHEMA.get(name).get("skos:prefLabel").get("@value").asText(), column.label(), name);
            if (deprecated(name)) {
                deprecatedIn12.add(name);
            }
        }
        // CHANGELOG 1.3.0: step_index gave way to step_id/step_record_index, the step_* capacity
        // and energy to step_cumulative_*
        assertEquals(Set.of("step_capacity_ah", "step_energy_wh", "step_index"), deprecatedIn12);
    }

    @Test
    void aNameA12FileUsesForAColumnReadsBackAsThatColumn() {
        Set<String> readable = new HashSet<>();
        for (SampleField f : SampleField.values()) {
            assertSame(f.term(), f.term(BdfVersion.V1_3));
            ColumnTerm old = f.term(BdfVersion.V1_2);
            if (old == null) {
                continue;
            }
            assertTrue(f.term().names().contains(old.name()),
                    f + " is written as " + old.name() + " for 1.2 readers, and must read back from it: " + f.term().names());
            readable.add(old.name());
        }
        assertEquals(new HashSet<>(names(BdfVersion.V1_2)), readable);
        // what 1.3 added has no 1.2 name: the record counter and the totals over the whole test
        for (SampleField added : List.of(SampleField.STEP_RECORD_INDEX, SampleField.CHARGING_CAPACITY,
                SampleField.DISCHARGING_CAPACITY, SampleField.CHARGING_ENERGY, SampleField.DISCHARGING_ENERGY)) {
            assertNull(added.term(BdfVersion.V1_2), added.name());
        }
    }
}
