package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the control channel and its answers. */
final class ControlJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlJson() {
    }

    static ObjectNode ok() {
        return MAPPER.createObjectNode().put("ok", true);
    }

    static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("ok", false).put("error", message);
    }
}
