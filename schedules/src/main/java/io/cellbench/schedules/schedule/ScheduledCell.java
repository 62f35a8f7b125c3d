package io.cellbench.schedules.schedule;

import io.cellbench.core.data.CellInfo;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SourceLocation;

/**
 * One cell of a schedule: what it is, the protocol it runs (already parsed, with this cell's
 * parameters applied) and, for simulated runs, how to simulate it.
 */
public record ScheduledCell(SourceLocation at, CellInfo info, Protocol protocol, Simulation simulation) {

    /**
     * How to simulate the cell: a preset of the cell model ("coin" or "pouch"), a seed for
     * cell-to-cell variation, and the fixture's pressure before the protocol sets it.
     */
    public record Simulation(String preset, long seed, double initialPressurePa) {
    }
}
