package io.cellbench.schedules.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the control channel and its answers. */
public final class ControlJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlJson() {
    }

    public static ObjectNode ok() {
        return MAPPER.createObjectNode().put("ok", true);
    }

    public static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("ok", false).put("error", message);
    }
}
