package io.cellbench.schedules.journal;

import io.cellbench.schedules.execution.CellInstruments;
import java.util.Map;

/**
 * The instrument state a lab's journal carries: nothing for instruments cellbench drives (they
 * keep their own state), and for a channel that runs programs of its own, where cellbench
 * stands in following its program (segment, record position, counters), so that a resumed run
 * re-attaches and downloads from there (see {@link io.cellbench.schedules.runner.ProgramLink}).
 */
public final class ProgramStates implements InstrumentState {
    /** The journal's key for a delegated cell's program position. */
    public static final String KEY = "program";
    /** Where {@link RunJournal} tells the restore up to which test time the cell's samples are on disk. */
    static final String DATA_THROUGH = "data_through";
    public static final ProgramStates LAB = new ProgramStates();

    private ProgramStates() {
    }

    @Override
    public Map<String, double[]> save(CellInstruments instruments) {
        if (instruments.program() == null) {
            return Map.of();
        }
        double[] saved = instruments.program().saved();
        return saved.length == 0 ? Map.of() : Map.of(KEY, saved);
    }

    @Override
    public void restore(CellInstruments instruments, Map<String, double[]> state) {
        if (instruments.program() != null) {
            double[] through = state.get(DATA_THROUGH);
            instruments.program().restore(state.get(KEY), through == null ? null : through[0]);
        }
    }

    /** {@code state} with the end of the samples on disk, for {@link #restore}. */
    static Map<String, double[]> withDataThrough(Map<String, double[]> state, Double through) {
        if (through == null) {
            return state;
        }
        Map<String, double[]> out = new java.util.HashMap<>(state);
        out.put(DATA_THROUGH, new double[] {through});
        return out;
    }
}
