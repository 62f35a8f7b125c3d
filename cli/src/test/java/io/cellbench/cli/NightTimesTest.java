package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel.Commanded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a kill left in a cell, from the simulator's command history (cells' time, lab seconds). */
class NightTimesTest {
    private static final ChannelCommand CHARGE = new ChannelCommand.Current(2e-3, 1.0, 4.5);
    private static final ChannelCommand REST = new ChannelCommand.OpenCircuit();
    private static final ChannelCommand RESET = new ChannelCommand.Voltage(0, 1e-5);

    @Test
    void theOldCurrentGoesOnAfterTheKillUntilTheNextProcessResetsTheOutput() {
        // journaled at 50, killed at 80, the next process's *RST reached this cell at 110
        List<Commanded> history = List.of(new Commanded(0, CHARGE), new Commanded(110, RESET), new Commanded(110.01, REST));
        assertEquals(2e-3 * 60 / 3600, NightTimes.carriedOnAh(history, 50, 80), 1e-12);
    }

    @Test
    void aKillJustAfterARestsJournaledStartBeforeItsOpenCircuitWasSentLeftTheChargeOn() {
        // the charge ended at 3.7 V and the rest was journaled at 50; the kill at 80 came before the rest's command
        List<Commanded> history = List.of(new Commanded(0, CHARGE), new Commanded(95, RESET));
        assertEquals(2e-3 * 45 / 3600, NightTimes.carriedOnAh(history, 50, 80), 1e-12);
    }

    @Test
    void aRestPutsNothingIn() {
        List<Commanded> history = List.of(new Commanded(0, CHARGE), new Commanded(60, REST), new Commanded(95, RESET));
        assertEquals(2e-3 * 10 / 3600, NightTimes.carriedOnAh(history, 50, 80), 1e-12);
        assertEquals(0, NightTimes.carriedOnAh(history, 70, 80), 1e-12);
    }
}
