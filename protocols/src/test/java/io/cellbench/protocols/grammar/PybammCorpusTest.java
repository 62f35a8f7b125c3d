package io.cellbench.protocols.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * PyBaMM's own experiment strings (collected in src/test/resources/pybamm) must read as
 * PyBaMM means them; the ones PyBaMM refuses, or accepts but never evaluates, are errors.
 */
class PybammCorpusTest {

    record Entry(int line, String sentence, String expected) {
    }

    static List<Entry> corpus(String resource) throws IOException {
        try (InputStream in = PybammCorpusTest.class.getResourceAsStream("/pybamm/" + resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                    .filter(i -> !lines.get(i).isBlank() && !lines.get(i).startsWith("#"))
                    .map(i -> {
                        String[] parts = lines.get(i).split(" \\| ", 2);
                        return new Entry(i + 1, parts[0].strip(), parts[1].strip());
                    }).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPybammStringReadsAsPybammMeansIt() throws IOException {
        return corpus("accepted-steps.txt").stream().map(e -> DynamicTest.dynamicTest(e.sentence(), () -> {
            var steps = StepGrammar.parse(e.sentence(), new SourceLocation("accepted-steps.txt", e.line(), 1));
            assertEquals(e.expected(), Describe.steps(steps), "line " + e.line());
        }));
    }

    @TestFactory
    Stream<DynamicTest> rejectedStringsAreErrorsWithAMessage() throws IOException {
        return corpus("rejected-steps.txt").stream().map(e -> DynamicTest.dynamicTest(e.sentence(), () -> {
            ProtocolException x = assertThrows(ProtocolException.class,
                    () -> StepGrammar.parse(e.sentence(), new SourceLocation("rejected-steps.txt", e.line(), 1)));
            assertTrue(x.problem().contains(e.expected()), x.getMessage());
            assertTrue(x.getMessage().startsWith("rejected-steps.txt:" + e.line() + ":"), x.getMessage());
        }));
    }

    @Test
    void theCorpusIsSubstantial() throws IOException {
        // Guards against an emptied resource making the dynamic tests vacuous.
        assertTrue(corpus("accepted-steps.txt").size() >= 80, "accepted corpus shrank");
        assertTrue(corpus("rejected-steps.txt").size() >= 10, "rejected corpus shrank");
    }
}
