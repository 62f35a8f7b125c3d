package io.cellbench.daq.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import java.util.Optional;

/**
 * A cell as run.json records it: what it is, what it runs, where its files are and how its
 * test ended. {@code outcome} is empty while the test runs (or if the process died).
 *
 * @param directory            the cell's directory, relative to the run directory
 * @param startedUnixTimeSecond when the cell's test first started
 * @param starts               1, plus one per resume
 */
public record CellEntry(
        CellInfo cell,
        String protocolName,
        String protocolSource,
        String instruments,
        String directory,
        double startedUnixTimeSecond,
        int starts,
        Optional<Outcome> outcome,
        String endMessage,
        double endTestTimeSecond) {

    public String id() {
        return cell.id();
    }

    CellEntry resumed() {
        return new CellEntry(cell, protocolName, protocolSource, instruments, directory, startedUnixTimeSecond,
                starts + 1, Optional.empty(), "", Double.NaN);
    }

    CellEntry ended(Outcome how, String message, double testTimeSecond) {
        return new CellEntry(cell, protocolName, protocolSource, instruments, directory, startedUnixTimeSecond,
                starts, Optional.of(how), message == null ? "" : message, testTimeSecond);
    }

    ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", cell.id());
        n.put("directory", directory);
        n.put("format", cell.format());
        n.put("chemistry", cell.chemistry());
        Json.number(n, "nominal_capacity_ah", cell.nominalCapacityAh());
        Json.number(n, "area_square_metre", cell.areaSquareMetre());
        Json.number(n, "mass_kilogram", cell.massKilogram());
        n.put("notes", cell.notes());
        n.put("protocol_name", protocolName);
        n.put("protocol_source", protocolSource);
        n.put("instruments", instruments);
        Json.number(n, "started_unix_time_second", startedUnixTimeSecond);
        n.put("starts", starts);
        if (outcome.isPresent()) {
            n.put("outcome", outcome.get().name());
        } else {
            n.putNull("outcome");
        }
        n.put("end_message", endMessage);
        Json.number(n, "end_test_time_second", endTestTimeSecond);
        return n;
    }

    static CellEntry fromJson(JsonNode n) {
        CellInfo cell = new CellInfo(Json.text(n, "id"), Json.text(n, "format"), Json.text(n, "chemistry"),
                Json.number(n, "nominal_capacity_ah"), Json.number(n, "area_square_metre"),
                Json.number(n, "mass_kilogram"), Json.text(n, "notes"));
        String outcome = Json.text(n, "outcome");
        return new CellEntry(cell, Json.textOrEmpty(n, "protocol_name"), Json.textOrEmpty(n, "protocol_source"),
                Json.textOrEmpty(n, "instruments"), Json.textOrEmpty(n, "directory"),
                Json.number(n, "started_unix_time_second"), n.path("starts").asInt(1),
                outcome == null ? Optional.empty() : Optional.of(Outcome.valueOf(outcome)),
                Json.textOrEmpty(n, "end_message"), Json.number(n, "end_test_time_second"));
    }
}
