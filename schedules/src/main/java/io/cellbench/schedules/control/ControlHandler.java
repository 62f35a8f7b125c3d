package io.cellbench.schedules.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers one request of the control protocol (docs/operations.md, "Control channel"). */
@FunctionalInterface
public interface ControlHandler {
    /**
     * @param request a JSON object with at least {@code "command"}
     * @return the answer, with {@code "ok": true} or {@code "ok": false, "error": "…"}
     */
    ObjectNode handle(JsonNode request);
}
