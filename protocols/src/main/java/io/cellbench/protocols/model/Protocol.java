package io.cellbench.protocols.model;

import java.util.List;

/** A protocol file, parsed: its name, safety window, logging rule and steps. */
public record Protocol(String name, String source, SafetyLimits limits, LoggingRule logging, List<Step> steps) {
    public Protocol {
        steps = List.copyOf(steps);
    }
}
