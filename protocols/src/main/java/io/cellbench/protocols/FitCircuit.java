package io.cellbench.protocols;

import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.circuit.CircuitSyntaxException;
import io.cellbench.protocols.grammar.SourceText;

/**
 * The {@code fit:} of a protocol or schedule: the equivalent circuit (impedance.py's notation)
 * every impedance sweep is fitted with as it is measured. Checked where it is written, so a typo
 * is an error at its file:line:column before any run starts, not a run without fits.
 */
public final class FitCircuit {
    static final String HINT = "write a circuit in impedance.py's notation, e.g. 'fit: L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1'"
            + " (docs/impedance.md lists the elements)";

    private FitCircuit() {
    }

    /** The circuit {@code text} names; a circuit that does not parse is a ProtocolException at the character. */
    public static String read(SourceText text) {
        String circuit = text.text().strip();
        try {
            return Circuit.parse(circuit).text();
        } catch (CircuitSyntaxException e) {
            int at = text.text().indexOf(circuit) + e.column() - 1;
            String prefix = "circuit '" + e.circuit() + "', column " + e.column() + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw text.error(at, at + 1, "circuit '" + circuit + "': " + problem, HINT);
        }
    }
}
