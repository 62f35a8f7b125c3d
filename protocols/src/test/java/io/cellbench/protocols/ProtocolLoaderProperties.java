package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.model.Protocol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever text a protocol file holds, loading it gives a protocol or a ProtocolException — never a YAML trace. */
class ProtocolLoaderProperties {

    @Property(tries = 2000)
    void garbageFilesGiveOnlyProtocolExceptions(@ForAll String text) {
        loadOrReject(text);
    }

    @Property(tries = 3000)
    void mutatedFilesGiveOnlyProtocolExceptions(@ForAll("mutated") String text) {
        loadOrReject(text);
    }

    private static void loadOrReject(String text) {
        try {
            Protocol p = ProtocolLoader.parse(text, "fuzz.yaml");
            assertTrue(!p.steps().isEmpty());
        } catch (ProtocolException e) {
            assertNull(e.getCause());
            assertTrue(e.getMessage().startsWith("fuzz.yaml"), e::getMessage);
            assertTrue(e.line() >= 1 && e.line() <= text.split("\n", -1).length + 1, e::getMessage);
            assertTrue(e.column() >= 1, e::getMessage);
            assertEquals(-1, e.getMessage().indexOf("com.fasterxml"), e::getMessage);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> noise = Arbitraries.oneOf(
                Arbitraries.strings().withChars(":-[]{}#&*!|>'\"\n\t %@`,?~").ofMaxLength(4),
                Arbitraries.of("\n  - ", ": ", "\n    ", "Repeat 2 times:", "  - Rest for 1 h", "---\n", "\ufeff",
                        "limits:", "voltage: [1 V, 2 V]", "C/0", "1e999 V", "*a", "&a "));
        return Combinators.combine(Arbitraries.of(ProtocolLoaderTest.BRIEF_EXAMPLE,
                                "steps:\n  - Repeat 2 times:\n      - Rest for 1 s\n"),
                        noise, Arbitraries.integers().between(0, 900), Arbitraries.integers().between(0, 6))
                .as((text, ins, at, cut) -> {
                    int i = Math.min(at, text.length());
                    int j = Math.min(text.length(), i + cut);
                    return text.substring(0, i) + ins + text.substring(j);
                });
    }
}
