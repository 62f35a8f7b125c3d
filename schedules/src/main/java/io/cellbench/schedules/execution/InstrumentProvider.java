package io.cellbench.schedules.execution;

import io.cellbench.schedules.schedule.ScheduledCell;

/**
 * Opens the instruments for a cell. The command line supplies one: simulated instruments for
 * {@code --simulate}, drivers from a lab file otherwise.
 */
@FunctionalInterface
public interface InstrumentProvider {
    CellInstruments open(ScheduledCell cell);
}
