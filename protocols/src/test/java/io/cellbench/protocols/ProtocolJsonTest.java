package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.protocols.model.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolJsonTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ProtocolJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        Protocol p = ProtocolLoader.parse(resource("every-kind.yaml"), "every-kind.yaml");
        assertEquals(resource("every-kind.json").strip(), ProtocolJson.toJson(p));
    }

    @Test
    void everyStepHasEveryCommonKey() throws IOException {
        Protocol p = ProtocolLoader.parse(resource("every-kind.yaml"), "every-kind.yaml");
        JsonNode tree = new ObjectMapper().readTree(ProtocolJson.toJson(p));
        List<String> keys = List.of("line", "kind", "control", "value", "duration_s", "until", "period_s", "times",
                "steps", "text");
        checkSteps(tree.get("steps"), keys);
        assertEquals(List.of("protocol", "limits", "logging", "steps"), fieldNames(tree));
    }

    private static void checkSteps(JsonNode steps, List<String> keys) {
        assertTrue(steps.isArray());
        for (JsonNode s : steps) {
            assertEquals(keys, fieldNames(s).subList(0, keys.size()), s.toString());
            assertTrue(s.get("until").isArray() && s.get("steps").isArray());
            if (s.get("kind").asText().equals("repeat")) {
                checkSteps(s.get("steps"), keys);
            } else {
                assertEquals(1, s.get("times").asInt());
            }
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theSameMeaningWrittenDifferentlyGivesTheSameJson() {
        Protocol a = ProtocolLoader.parse("name: x\nsteps:\n  - Discharge at C/20 for 2 h or until 1.9 V\n"
                + "limits: {voltage: [1.8 V, 3.8 V]}\n", "a.yaml");
        Protocol b = ProtocolLoader.parse("name: x\nsteps:\n  - discharge AT 0.05C for 120 min or until <= 1900 mV\n"
                        + "limits: {voltage: [1800 mV, 3.8 V]}\n",
                "b.yaml");
        assertEquals(((ObjectNode) ProtocolJson.toTree(a).get("steps").get(0)).without("text"),
                ((ObjectNode) ProtocolJson.toTree(b).get("steps").get(0)).without("text"));
    }
}
