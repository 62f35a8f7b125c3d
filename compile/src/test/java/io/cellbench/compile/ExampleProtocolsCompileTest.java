package io.cellbench.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every protocol shipped in examples/protocols, for every target: a compiled file or a clear
 * refusal (each problem at a step of the file, naming the target, with a hint). The examples
 * that set a chamber or a press can only run through cellbench; the channel check runs anywhere.
 */
class ExampleProtocolsCompileTest {
    static final Path EXAMPLES = Path.of("..", "examples", "protocols");
    static final CompileOptions OPTIONS = new CompileOptions(0.002, LocalDateTime.of(2026, 1, 2, 3, 4, 5),
            UUID.fromString("00000000-0000-0000-0000-000000000001"));

    /** What each example gives on each target: "compiled", or the kinds of refusal expected. */
    static final Map<String, Map<CompileTarget, String>> EXPECTED = Map.of(
            "channel-check.yaml", Map.of(CompileTarget.NEWARE, "compiled", CompileTarget.BIOLOGIC, "compiled"),
            "critical-current-density.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure impedance",
                    CompileTarget.BIOLOGIC, "chamber pressure"),
            "eis-vs-pressure.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure impedance",
                    CompileTarget.BIOLOGIC, "chamber pressure"),
            "formation.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure impedance",
                    CompileTarget.BIOLOGIC, "chamber pressure"),
            "gitt.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure", CompileTarget.BIOLOGIC, "chamber pressure"),
            "instrument-check.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure impedance",
                    CompileTarget.BIOLOGIC, "chamber pressure"),
            "long-term-cycling.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure impedance",
                    CompileTarget.BIOLOGIC, "chamber pressure loops"),
            "rate-capability.yaml", Map.of(CompileTarget.NEWARE, "chamber pressure",
                    CompileTarget.BIOLOGIC, "chamber pressure"));

    @Test
    void everyExampleCompilesOrIsRefusedClearly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(new TreeMap<>(EXPECTED).keySet().stream().toList(),
                files.stream().map(p -> p.getFileName().toString()).toList(), "a new example needs its expectation here");
        for (Path file : files) {
            Protocol protocol = ProtocolLoader.load(file);
            List<String> lines = Files.readAllLines(file);
            for (CompileTarget target : CompileTarget.values()) {
                String expected = EXPECTED.get(file.getFileName().toString()).get(target);
                String what = file.getFileName() + " on " + target.label();
                try {
                    Compiled c = ProtocolCompiler.compile(protocol, target, OPTIONS);
                    assertEquals("compiled", expected, what + " compiled");
                    assertTrue(c.content().length > 500, what);
                } catch (CompileException e) {
                    if (expected.equals("compiled")) {
                        fail(what + " was refused:\n" + e.getMessage());
                    }
                    for (ProtocolException p : e.problems()) {
                        assertTrue(p.line() >= 1 && p.line() <= lines.size(), what + ": " + p.getMessage());
                        assertTrue(p.problem().startsWith(target.label() + " "), what + ": " + p.getMessage());
                        assertTrue(!p.hint().isBlank(), what + ": " + p.getMessage());
                        String stepLine = lines.get(p.line() - 1);
                        assertTrue(stepLine.substring(p.column() - 1).startsWith(p.offendingText().substring(0, 5)),
                                what + ": the caret sits on the step: " + p.getMessage());
                    }
                    String message = e.getMessage();
                    for (String kind : expected.split(" ")) {
                        String word = switch (kind) {
                            case "chamber" -> "cannot set a chamber";
                            case "pressure" -> "cannot set a stack pressure";
                            case "impedance" -> "cannot measure impedance";
                            case "loops" -> "loops one level deep";
                            default -> throw new IllegalStateException(kind);
                        };
                        assertTrue(message.contains(word) || message.contains(word.replace("a chamber", "the chamber")),
                                what + " should say '" + word + "':\n" + message);
                    }
                }
            }
        }
    }
}
