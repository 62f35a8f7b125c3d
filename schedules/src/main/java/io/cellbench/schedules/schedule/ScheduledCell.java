package io.cellbench.schedules.schedule;

import io.cellbench.core.data.CellInfo;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SourceLocation;

/**
 * One cell of a schedule: what it is, the protocol it runs (already parsed, with this cell's
 * parameters applied), which lab instruments serve it and, for simulated runs, how to
 * simulate it.
 */
public record ScheduledCell(SourceLocation at, CellInfo info, Protocol protocol, Simulation simulation, Wiring wiring) {

    public ScheduledCell {
        wiring = wiring == null ? Wiring.NONE : wiring;
    }

    /** A cell with no lab instruments named (simulated runs). */
    public ScheduledCell(SourceLocation at, CellInfo info, Protocol protocol, Simulation simulation) {
        this(at, info, protocol, simulation, Wiring.NONE);
    }

    /** The same cell on the channel a pool assigned it. */
    public ScheduledCell onChannel(Wiring.Named channel) {
        return new ScheduledCell(at, info, protocol, simulation, wiring.withChannel(channel));
    }

    /**
     * How to simulate the cell: a preset of the cell model ("coin" or "pouch"), a seed for
     * cell-to-cell variation, and the fixture's pressure before the protocol sets it.
     */
    public record Simulation(String preset, long seed, double initialPressurePa) {
    }
}
