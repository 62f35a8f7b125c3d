package io.cellbench.protocols.model;

import java.util.List;

/**
 * A protocol file, parsed: its name, safety window, logging rule and steps, and the
 * equivalent circuit its impedance sweeps are fitted with during a run ({@code fit:}; null when
 * it names none).
 */
public record Protocol(String name, String source, SafetyLimits limits, LoggingRule logging, List<Step> steps,
                       String fitCircuit) {
    public Protocol {
        steps = List.copyOf(steps);
    }

    /** A protocol that names no circuit to fit. */
    public Protocol(String name, String source, SafetyLimits limits, LoggingRule logging, List<Step> steps) {
        this(name, source, limits, logging, steps, null);
    }
}
