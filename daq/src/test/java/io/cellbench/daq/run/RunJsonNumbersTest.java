package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * events.jsonl, run.json and the Arrow files' schema metadata print numbers as every export does (docs/data.md): the shortest
 * decimal that reads back, never with an exponent. Jackson's own output for a double is
 * Double.toString's, which writes every unix time as 1.767225601E9.
 */
class RunJsonNumbersTest {

    @TempDir
    Path dir;

    @Test
    void anEventsUnixTimeIsAPlainDecimal() throws IOException {
        Path file = dir.resolve(RunLayout.EVENTS);
        try (EventLog log = EventLog.open(file)) {
            log.append(new RunEvent.Notice("A1", 12.5, RunEvent.Severity.WARNING, "pressure drifted"), 1.767225601E9);
        }
        assertEquals("{\"type\":\"Notice\",\"cell_id\":\"A1\",\"test_time_second\":12.5,"
                + "\"unix_time_second\":1767225601.0,\"severity\":\"WARNING\",\"message\":\"pressure drifted\"}",
                Files.readString(file).strip());
        // and it reads back as the same double
        assertEquals(1.767225601E9, Json.number(Json.MAPPER.readTree(Files.readString(file)), EventKeys.UNIX_TIME));
    }

    @Test
    void smallAndLargeNumbersOfRunJsonArePlainAndUnknownOnesNull() throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        Json.number(n, "nominal_capacity_ah", 1.0E-4);
        Json.number(n, "area_square_metre", 5.5E-8);
        Json.number(n, "started_unix_time_second", 1.7672256E9);
        Json.number(n, "mass_kilogram", Double.NaN);
        String text = Json.MAPPER.writeValueAsString(n);
        assertEquals("{\"nominal_capacity_ah\":0.0001,\"area_square_metre\":0.000000055,"
                + "\"started_unix_time_second\":1767225600.0,\"mass_kilogram\":null}", text);
        ObjectNode back = (ObjectNode) Json.MAPPER.readTree(text);
        assertEquals(1.0E-4, Json.number(back, "nominal_capacity_ah"));
        assertEquals(5.5E-8, Json.number(back, "area_square_metre"));
        assertEquals(1.7672256E9, Json.number(back, "started_unix_time_second"));
    }

    @Test
    void theArrowFilesMetadataNumbersArePlainDecimals() {
        CellInfo cell = new CellInfo("A1", "coin", "NMC811|Li6PS5Cl|Li-In", 1.0E-4, 7.85E-5, Double.NaN, "");
        Map<String, String> m = RunMetadata.forCell(new RunInfo("run-1", Instant.parse("2026-01-01T00:00:00Z"), "0.1.0"),
                new RunEvent.RunStarted("A1", 1.7672256E9, cell, "formation", "", false));
        assertEquals("0.0001", m.get(RunMetadata.CELL_NOMINAL_CAPACITY_AH));
        assertEquals("0.0000785", m.get(RunMetadata.CELL_AREA_SQUARE_METRE));
        assertEquals(null, m.get(RunMetadata.CELL_MASS_KILOGRAM), "unknown is left out");
        assertEquals("1767225600.0", m.get(RunMetadata.SEGMENT_START_UNIX_TIME));
    }
}
