package io.cellbench.importers.repair;

import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;

/**
 * Capacity and energy counters that restart at each step or cycle, turned into the BDF 1.3
 * convention: charge and discharge totals since the start of the test, never reset. A counter that
 * falls where a step (or cycle) begins has restarted: its last value joins its total. One that runs
 * on into the next step (a CC then CV charge counted per cycle) has not, and is not counted twice.
 */
final class CounterTotalsRepair extends Stage {

    private final CounterScope scope;
    private final double[] offset = new double[4];
    private final double[] last = new double[4];
    private int lastKey = Integer.MIN_VALUE;
    private int lastStepId = Integer.MIN_VALUE;
    private long restarts;
    private long rows;

    CounterTotalsRepair(RecordSink next, CounterScope scope) {
        super(next);
        this.scope = scope;
    }

    @Override
    public void sample(CyclerRecord r) {
        rows++;
        int key = scope == CounterScope.CYCLE ? r.cycleCount() : r.stepCount();
        boolean restart = key != lastKey || scope == CounterScope.STEP && r.stepId() != lastStepId;
        double[] now = {r.chargingCapacityAh(), r.dischargingCapacityAh(), r.chargingEnergyWh(), r.dischargingEnergyWh()};
        if (restart && lastKey != Integer.MIN_VALUE) {
            boolean any = false;
            for (int i = 0; i < 4; i++) {
                if (Double.isFinite(last[i]) && Double.isFinite(now[i]) && now[i] < last[i]) {
                    offset[i] += last[i];
                    any = true;
                }
            }
            if (any) {
                restarts++;
            }
        }
        lastKey = key;
        lastStepId = r.stepId();
        for (int i = 0; i < 4; i++) {
            if (Double.isFinite(now[i])) {
                last[i] = now[i];
            }
        }
        next.sample(r.withCounters(offset[0] + now[0], offset[1] + now[1], offset[2] + now[2], offset[3] + now[3]));
    }

    @Override
    void report() {
        String per = scope == CounterScope.CYCLE ? "cycle" : "step";
        next.note(ImportNote.repair("counters-to-totals", "capacity and energy counters restarted at every " + per
                + " (" + restarts + " restarts): converted to charge and discharge totals since the start of the test",
                0, rows));
    }
}
