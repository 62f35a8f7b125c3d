package io.cellbench.schedules.execution;

import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;

/**
 * The instruments wired to one cell for one run, and the clock they share. Optional ones are
 * {@code null}. Closing closes what this cell owns (its channel; shared instruments are
 * closed by whoever opened them).
 */
public record CellInstruments(
        LabClock clock,
        CyclerChannel channel,
        EisAnalyzer eisAnalyzer,
        int muxChannel,
        PressureFixture pressureFixture,
        TemperatureChamber chamber) implements AutoCloseable {

    @Override
    public void close() {
        channel.close();
    }
}
