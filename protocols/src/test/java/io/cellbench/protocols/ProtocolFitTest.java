package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.model.Protocol;
import org.junit.jupiter.api.Test;

/** A protocol's {@code fit:} names the circuit its sweeps are fitted with; a bad circuit is an error at its character. */
class ProtocolFitTest {
    private static final String STEPS = "steps:\n  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade\n";

    @Test
    void aProtocolNamesItsCircuit() {
        Protocol p = ProtocolLoader.parse("name: eis\nfit: R0-p(R1,CPE1)-p(R2,CPE2)\n" + STEPS, "eis.yaml");
        assertEquals("R0-p(R1,CPE1)-p(R2,CPE2)", p.fitCircuit());
        assertEquals("R0-p(R1,CPE1)-p(R2,CPE2)", ProtocolJson.toTree(p).get("fit").asText());
        Protocol none = ProtocolLoader.parse("name: eis\n" + STEPS, "eis.yaml");
        assertNull(none.fitCircuit());
        assertTrue(ProtocolJson.toTree(none).get("fit") == null, "protocol.json without fit stays as it was");
    }

    @Test
    void aBadCircuitIsAnErrorAtItsCharacter() {
        // the unknown element 'Rct' starts at column 4 of the circuit, column 9 of the line
        ProtocolException plain = assertThrows(ProtocolException.class,
                () -> ProtocolLoader.parse("name: eis\nfit: R0-Rct\n" + STEPS, "eis.yaml"));
        assertEquals("eis.yaml", plain.file());
        assertEquals(2, plain.line());
        assertEquals(9, plain.column());
        assertTrue(plain.getMessage().contains("unknown element 'Rct'"), plain.getMessage());
        assertTrue(plain.getMessage().contains("impedance.py's notation"), plain.getMessage());

        // quoted: the quote is not part of the circuit
        ProtocolException quoted = assertThrows(ProtocolException.class,
                () -> ProtocolLoader.parse("name: eis\nfit: \"R0-p(R1,C1\"\n" + STEPS, "eis.yaml"));
        assertEquals(2, quoted.line());
        assertEquals(17, quoted.column(), quoted.getMessage()); // the end of the circuit, before the closing quote
        assertTrue(quoted.getMessage().contains("expected ',' or ')'"), quoted.getMessage());

        ProtocolException list = assertThrows(ProtocolException.class,
                () -> ProtocolLoader.parse("name: eis\nfit: [R0]\n" + STEPS, "eis.yaml"));
        assertTrue(list.getMessage().contains("'fit' needs a circuit on one line"), list.getMessage());
    }
}
