package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.impedance.circuit.Circuit;
import io.cellbench.impedance.circuit.CircuitSyntaxException;

/** {@code run --fit CIRCUIT}: the circuit is read before anything is created, so a typo costs no run directory. */
final class RunFitOption {
    private RunFitOption() {
    }

    static void check(String circuit) {
        if (circuit == null) {
            return;
        }
        try {
            Circuit.parse(circuit);
        } catch (CircuitSyntaxException e) {
            throw new UserError("--fit: " + e.getMessage());
        }
    }
}
