package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * events.jsonl and run.json print numbers as every export does (docs/data.md): the shortest
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
}
