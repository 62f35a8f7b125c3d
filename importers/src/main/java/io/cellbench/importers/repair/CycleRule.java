package io.cellbench.importers.repair;

import io.cellbench.importers.StepType.Direction;

/**
 * The cycle counter cellbench keeps for its own runs (schedules' runner, {@code Counters}): cycle 1
 * at the start; a charge step that begins after a discharge step in the same cycle starts the next
 * cycle (the Arbin convention). Rests, holds (constant voltage) and other steps move nothing.
 */
public final class CycleRule {

    private int cycle = 1;
    private boolean dischargedThisCycle;

    /** A step begins; returns the cycle it belongs to. */
    public int beginStep(Direction direction) {
        if (direction == Direction.CHARGE && dischargedThisCycle) {
            cycle++;
            dischargedThisCycle = false;
        }
        if (direction == Direction.DISCHARGE) {
            dischargedThisCycle = true;
        }
        return cycle;
    }

    public int cycle() {
        return cycle;
    }
}
