package io.cellbench.importers;

/**
 * An extra column a file carries beside the standard ones: an auxiliary temperature or voltage
 * channel, an internal resistance, a BioLogic quantity. {@code bdfTerm} is the BDF machine
 * name it maps to, or {@code null} when BDF has none (then {@code name} follows its style).
 */
public record AuxColumn(String name, String unit, String bdfTerm) {
}
