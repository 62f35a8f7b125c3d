package io.cellbench.drivers.neware;

/**
 * One finished step of a test as BTS summarises it ({@code downloadStepLayer}): the records it
 * spans, the program step and cycle, its kind, length and end, and what it moved. Current is
 * positive while charging; capacity and energy are the step's own.
 */
public record BtsStepSummary(long firstPosition, long lastPosition, int stepIndex, int step, int cycle, String stepType,
                             double stepSecond, double endUnixSecond, double startVolt, double endVolt,
                             double startAmpere, double endAmpere, double capacityAh, double energyWh) {
}
