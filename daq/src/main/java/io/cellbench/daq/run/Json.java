package io.cellbench.daq.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.format.Decimals;
import io.cellbench.core.format.PlainJson;

/**
 * The JSON conventions of run.json and events.jsonl: unknown numbers are null, never NaN, and
 * numbers are written as every file of cellbench writes them ({@link Decimals}, by the mapper's
 * {@link PlainJson} generator: a unix time is 1767225601.0, not Jackson's 1.767225601E9).
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper(PlainJson.factory());

    private Json() {
    }

    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value); // the mapper's generator prints it through Decimals
        } else {
            node.putNull(key);
        }
    }

    static double number(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isNumber() ? Double.NaN : v.doubleValue();
    }

    static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String textOrEmpty(JsonNode node, String key) {
        String s = text(node, key);
        return s == null ? "" : s;
    }
}
