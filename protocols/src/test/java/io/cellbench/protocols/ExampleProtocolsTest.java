package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.grammar.StepGrammar;
import io.cellbench.protocols.grammar.StepText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every protocol shipped in examples/protocols loads, and its steps print and read back unchanged. */
class ExampleProtocolsTest {

    /** Surefire runs in the module directory; the examples live beside the modules. */
    static final Path EXAMPLES = Path.of("..", "examples", "protocols");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theDocumentedExamplesAreThere() throws IOException {
        List<String> names = examples().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("formation.yaml", "rate-capability.yaml", "long-term-cycling.yaml",
                "gitt.yaml", "critical-current-density.yaml", "eis-vs-pressure.yaml")), names.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleLoads() throws IOException {
        return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Protocol p = ProtocolLoader.load(file);
            assertFalse(p.name().isBlank());
            assertFalse(p.steps().isEmpty());
            assertFalse(p.limits().voltage().isUnbounded(), "examples show a safety window");
            assertTrue(ProtocolJson.toJson(p).contains("\"protocol\": "));
            flatten(p.steps()).forEach(s -> {
                List<Step> back = StepGrammar.parse(StepText.format(s), s.at());
                assertEquals(meaning(back.getLast()), meaning(s), s.text());
            });
        }));
    }

    @Test
    void gittIsSixtyPulsesAndRests() throws IOException {
        Protocol p = ProtocolLoader.load(EXAMPLES.resolve("gitt.yaml"));
        Step.Repeat pulses = (Step.Repeat) p.steps().getLast();
        assertEquals(60, pulses.times());
        assertEquals(600.0, ((Step.Drive) pulses.steps().get(0)).durationSecond());
        assertEquals(3600.0, ((Step.Rest) pulses.steps().get(1)).durationSecond());
    }

    private static Stream<Step> flatten(List<Step> steps) {
        return steps.stream().flatMap(s -> s instanceof Step.Repeat r ? flatten(r.steps()) : Stream.of(s));
    }

    /** The step's normalized JSON without its text: what it means, not how it was written. */
    private static ObjectNode meaning(Step s) {
        Protocol p = new Protocol("x", "x", SafetyLimits.NONE, LoggingRule.DEFAULT, List.of(s));
        return ((ObjectNode) ProtocolJson.toTree(p).get("steps").get(0)).without("text");
    }
}
