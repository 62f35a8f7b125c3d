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
        double charge = r.chargingCapacityAh();
        double discharge = r.dischargingCapacityAh();
        double chargeWh = r.chargingEnergyWh();
        double dischargeWh = r.dischargingEnergyWh();
        if (restart && lastKey != Integer.MIN_VALUE) {
            boolean any = restarted(0, charge) | restarted(1, discharge) | restarted(2, chargeWh)
                    | restarted(3, dischargeWh);
            if (any) {
                restarts++;
            }
        }
        lastKey = key;
        lastStepId = r.stepId();
        remember(0, charge);
        remember(1, discharge);
        remember(2, chargeWh);
        remember(3, dischargeWh);
        next.sample(r.withCounters(offset[0] + charge, offset[1] + discharge, offset[2] + chargeWh,
                offset[3] + dischargeWh));
    }

    /** A counter that fell where a step (or cycle) begins has restarted: its last value joins its total. */
    private boolean restarted(int i, double now) {
        if (Double.isFinite(last[i]) && Double.isFinite(now) && now < last[i]) {
            offset[i] += last[i];
            return true;
        }
        return false;
    }

    private void remember(int i, double now) {
        if (Double.isFinite(now)) {
            last[i] = now;
        }
    }

    @Override
    void report() {
        String per = scope == CounterScope.CYCLE ? "cycle" : "step";
        next.note(ImportNote.repair("counters-to-totals", "capacity and energy counters restarted at every " + per
                + " (" + restarts + " restarts): converted to charge and discharge totals since the start of the test",
                0, rows));
    }
}
