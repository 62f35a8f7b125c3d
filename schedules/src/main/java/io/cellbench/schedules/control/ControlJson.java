package io.cellbench.schedules.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.format.PlainJson;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper of the control channel and its answers. Its numbers are printed as the
 * run's files print them ({@link PlainJson}: no exponent); write a node with {@link #line} or
 * {@link #pretty}, not its {@code toString()}, which is Jackson's own and keeps exponents.
 */
public final class ControlJson {
    public static final ObjectMapper MAPPER = new ObjectMapper(PlainJson.factory());

    private ControlJson() {
    }

    public static ObjectNode ok() {
        return MAPPER.createObjectNode().put("ok", true);
    }

    public static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("ok", false).put("error", message);
    }

    /** {@code node} on one line, as the control channel sends it. */
    public static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always writes
        }
    }

    /** {@code node} indented, as {@code status --json} prints it. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
