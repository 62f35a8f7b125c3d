package io.cellbench.schedules.journal;

import io.cellbench.schedules.execution.CellInstruments;
import java.util.Map;

/**
 * Saves and restores what instruments remember that a journal must carry for them: a
 * simulated cell's charge and polarisation, a simulated fixture's setpoint. Real instruments
 * keep their own state, and use {@link #NONE}.
 */
public interface InstrumentState {
    InstrumentState NONE = new InstrumentState() {
        @Override
        public Map<String, double[]> save(CellInstruments instruments) {
            return Map.of();
        }

        @Override
        public void restore(CellInstruments instruments, Map<String, double[]> state) {
        }
    };

    /** Called on the cell's thread, between samples. */
    Map<String, double[]> save(CellInstruments instruments);

    /** Called before the resumed run touches the instruments. */
    void restore(CellInstruments instruments, Map<String, double[]> state);
}
