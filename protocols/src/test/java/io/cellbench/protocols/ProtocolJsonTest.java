package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        Golden.assertMatches("protocols/src/test/resources/golden/every-kind.json", resource("every-kind.json").strip(),
                ProtocolJson.toJson(p));
    }

    // Units, to write each expected value as the sentence says it.
    private static final double MILLI = 1e-3;
    private static final double MICRO = 1e-6;
    private static final double KILO = 1e3;
    private static final double MEGA = 1e6;
    private static final double MINUTE = 60;
    private static final double HOUR = 3600;

    /**
     * The golden file is right by itself, not only equal to what the code gives: every value is
     * worked out here from every-kind.yaml by hand (SI units: V, A, W, Ω, Pa, Hz, s, Ah, Wh, C-rate
     * in C; temperature in °C; defaults as docs/protocols.md states them), and each step's line is
     * where its sentence stands in the YAML.
     */
    @Test
    void theGoldenFileHoldsWhatEachSentenceSays() throws IOException {
        String yaml = resource("every-kind.yaml");
        JsonNode golden = new ObjectMapper().readTree(resource("every-kind.json"));
        assertEquals("Every step kind", golden.get("protocol").asText());
        JsonNode limits = golden.get("limits");
        near(List.of(1.9, 3.8), limits.get("voltage"));                  // [1.9 V, 3.8 V]
        near(Arrays.asList(null, 10 * MILLI), limits.get("current"));     // [~, 10 mA]
        near(List.of(0.0, 80.0), limits.get("temperature"));             // [0 °C, 80 °C], kept in °C
        near(Arrays.asList(null, null), limits.get("pressure"));          // not given: open on both sides
        JsonNode logging = golden.get("logging");
        near(30, logging.get("period_s"));                               // period: 30 s
        near(5 * MILLI, logging.get("voltage_change"));                  // not given: the default 5 mV
        near(1 * MILLI, logging.get("current_change"));                  // current_change: 1 mA
        near(1, logging.get("sample_period_s"));                         // not given: the default 1 s

        JsonNode steps = golden.get("steps");
        assertEquals(7, steps.size());
        step(yaml, steps.get(0), "Set temperature to 25 °C and wait until stable", "set_temperature", null, 25.0);
        assertTrue(steps.get(0).get("wait_until_stable").asBoolean());
        step(yaml, steps.get(1), "Set pressure to 70 MPa", "set_pressure", null, 70 * MEGA);
        assertFalse(steps.get(1).get("wait_until_stable").asBoolean());
        step(yaml, steps.get(2), "Rest for 2 hours (1 minute period)", "rest", null, null);
        near(2 * HOUR, steps.get(2).get("duration_s"));
        near(1 * MINUTE, steps.get(2).get("period_s"));
        step(yaml, steps.get(3), "Rest until >= 3.1 V or 30 min", "rest", null, null,
                until("voltage", ">=", 3.1), until("time", ">=", 30 * MINUTE));
        step(yaml, steps.get(4), "PEIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade", "eis", "voltage",
                10 * MILLI);
        eis(steps.get(4), "potentiostatic", 1 * MEGA, 100 * MILLI, 10 * MILLI, 10);
        step(yaml, steps.get(5), "GEIS from 100 kHz to 10 mHz at 100 uA, 5 points per decade", "eis", "current",
                100 * MICRO);
        eis(steps.get(5), "galvanostatic", 100 * KILO, 10 * MILLI, 100 * MICRO, 5);
        step(yaml, steps.get(6), "Repeat 2 times", "repeat", null, null);
        assertEquals(2, steps.get(6).get("times").asInt());

        JsonNode cycle = steps.get(6).get("steps");
        assertEquals(5, cycle.size());
        step(yaml, cycle.get(0), "Charge at C/10 until 3.7 V then hold until C/50 or 2 h", "charge", "c_rate",
                1.0 / 10, until("voltage", ">=", 3.7));
        near(3.7, cycle.get(0).get("then_hold").get("value"));           // the hold is at the cut-off voltage
        untils(cycle.get(0).get("then_hold").get("until"), until("c_rate", "<=", 1.0 / 50), until("time", ">=", 2 * HOUR));
        step(yaml, cycle.get(1), "Discharge at 2 mA for 10 hours or until 1.9 V or 2 mAh", "discharge", "current",
                2 * MILLI, until("voltage", "<=", 1.9), until("capacity", ">=", 2 * MILLI));
        near(10 * HOUR, cycle.get(1).get("duration_s"));
        step(yaml, cycle.get(2), "Hold at 3.0 V until 50 uA", "hold", "voltage", 3.0,
                until("current", "<=", 50 * MICRO));
        step(yaml, cycle.get(3), "Discharge at 5 mW until 5 mWh", "discharge", "power", 5 * MILLI,
                until("energy", ">=", 5 * MILLI));
        step(yaml, cycle.get(4), "Discharge at 400 Ohm for 10 min", "discharge", "resistance", 400.0);
        near(10 * MINUTE, cycle.get(4).get("duration_s"));
    }

    private record Until(String quantity, String op, double value) {
    }

    private static Until until(String quantity, String op, double value) {
        return new Until(quantity, op, value);
    }

    /** The step's sentence, its line in the YAML, its kind, control, value and cut-offs. */
    private static void step(String yaml, JsonNode step, String sentence, String kind, String control, Double value,
                             Until... until) {
        assertEquals(sentence, step.get("text").asText());
        List<String> lines = yaml.lines().toList();
        int line = 1 + java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).strip().equals("- " + sentence) || lines.get(i).strip().equals("- " + sentence + ":"))
                .findFirst().orElseThrow(() -> new AssertionError(sentence + " is not in every-kind.yaml"));
        assertEquals(line, step.get("line").asInt(), sentence);
        assertEquals(kind, step.get("kind").asText(), sentence);
        assertEquals(control, step.get("control").isNull() ? null : step.get("control").asText(), sentence);
        if (value == null) {
            assertTrue(step.get("value").isNull(), sentence);
        } else {
            near(value, step.get("value"));
        }
        untils(step.get("until"), until);
    }

    private static void untils(JsonNode actual, Until... expected) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].quantity(), actual.get(i).get("quantity").asText(), actual.toString());
            assertEquals(expected[i].op(), actual.get(i).get("op").asText(), actual.toString());
            near(expected[i].value(), actual.get(i).get("value"));
        }
    }

    private static void eis(JsonNode step, String mode, double fromHz, double toHz, double amplitude, int perDecade) {
        assertEquals(mode, step.get("mode").asText());
        near(fromHz, step.get("from_hz"));
        near(toHz, step.get("to_hz"));
        near(amplitude, step.get("amplitude"));
        assertEquals(perDecade, step.get("points_per_decade").asInt());
    }

    private static void near(double expected, JsonNode actual) {
        assertTrue(actual.isNumber(), String.valueOf(actual));
        assertEquals(expected, actual.asDouble(), 1e-12 * Math.abs(expected), String.valueOf(actual));
    }

    private static void near(List<Double> expected, JsonNode actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertTrue(actual.get(i).isNull(), actual.toString());
            } else {
                near(expected.get(i), actual.get(i));
            }
        }
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
