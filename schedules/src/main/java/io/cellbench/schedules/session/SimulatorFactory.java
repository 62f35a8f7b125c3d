package io.cellbench.schedules.session;

import io.cellbench.schedules.execution.InstrumentProvider;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.util.Map;

/** Simulated instruments for a session, made where the simulators are (cli, test-fixtures). */
public interface SimulatorFactory {
    /**
     * The instruments of every cell.
     *
     * @param startUnixSecond what the simulated clocks read now
     * @param speed           simulated seconds per wall second; infinite for as fast as possible
     * @param cellStarts      per cell, where its clock starts instead (a resumed run at full speed)
     */
    InstrumentProvider open(double startUnixSecond, double speed, Map<String, Double> cellStarts);

    /** The cell's instruments, for the run's metadata. */
    String describe(ScheduledCell cell);

    /** What the journal keeps of the simulated instruments (the cell's charge, the fixture's setpoint). */
    InstrumentState state();
}
