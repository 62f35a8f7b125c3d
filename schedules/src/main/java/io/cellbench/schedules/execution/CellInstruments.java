package io.cellbench.schedules.execution;

import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import io.cellbench.schedules.runner.ProgramLink;

/**
 * The instruments wired to one cell for one run, and the clock they share. Optional ones are
 * {@code null}. A cell on a channel that runs its own programs has a {@code program} and no
 * {@code channel} (see docs/runner.md, "Delegated cells"). {@code owned} is what this cell alone holds and releases when its run ends
 * (its channel, its own fixture); shared instruments are released by whoever opened them.
 */
public record CellInstruments(
        LabClock clock,
        CyclerChannel channel,
        EisAnalyzer eisAnalyzer,
        int muxChannel,
        PressureFixture pressureFixture,
        TemperatureChamber chamber,
        AutoCloseable owned,
        ProgramLink program) implements AutoCloseable {

    /** A cell whose channel cellbench drives step by step. */
    public CellInstruments(LabClock clock, CyclerChannel channel, EisAnalyzer eisAnalyzer, int muxChannel,
                           PressureFixture pressureFixture, TemperatureChamber chamber, AutoCloseable owned) {
        this(clock, channel, eisAnalyzer, muxChannel, pressureFixture, chamber, owned, null);
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            // Closing leaves instruments safe; a failure here must not hide the run's outcome.
            System.err.println("warning: closing the instruments of a cell failed: " + e.getMessage());
        }
    }
}
