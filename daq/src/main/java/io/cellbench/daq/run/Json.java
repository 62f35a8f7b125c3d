package io.cellbench.daq.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cellbench.core.format.Decimals;

/**
 * The JSON conventions of run.json and events.jsonl: unknown numbers are null, never NaN, and
 * numbers are written as every file of cellbench writes them ({@link Decimals}: a unix time is
 * 1767225601.0, not Jackson's 1.767225601E9).
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            // the text goes out as it is: a double node would be written by Double.toString
            node.putRawValue(key, new RawValue(Decimals.plain(value)));
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
