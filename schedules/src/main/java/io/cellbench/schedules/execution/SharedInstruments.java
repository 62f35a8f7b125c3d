package io.cellbench.schedules.execution;

import io.cellbench.schedules.runner.AnalyzerQueue;
import io.cellbench.schedules.runner.ChamberBarrier;
import io.cellbench.schedules.runner.Coordination;
import io.cellbench.schedules.runner.InterlockRule;
import io.cellbench.schedules.schedule.Interlocks;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the cells of a schedule share: each EIS analyzer's queue (cells take turns) and each
 * chamber's barrier (its cells move its temperature together), and the schedule's interlocks.
 * Filled when the schedule is read and never changed after; the queues and barriers are
 * thread-safe themselves.
 */
final class SharedInstruments {
    private final Schedule schedule;
    private final Map<String, AnalyzerQueue> analyzers = new LinkedHashMap<>();
    private final Map<String, ChamberBarrier> chambers = new LinkedHashMap<>();

    SharedInstruments(Schedule schedule) {
        this.schedule = schedule;
        for (ScheduledCell cell : schedule.cells()) {
            Wiring w = cell.wiring();
            if (w.eis() != null) {
                analyzers.computeIfAbsent(w.eis().name(), AnalyzerQueue::new);
            }
            if (w.chamber() != null) {
                chambers.computeIfAbsent(w.chamber().name(), ChamberBarrier::new);
            }
        }
    }

    /** The cell's shared analyzer queue, chamber barrier and the schedule's interlock rules. */
    Coordination coordination(ScheduledCell cell) {
        Wiring w = cell.wiring();
        Interlocks locks = schedule.interlocks();
        return new Coordination(w.eis() == null ? null : analyzers.get(w.eis().name()), barrierOf(cell),
                rule(locks.pressure()), rule(locks.temperature()));
    }

    private static InterlockRule rule(Interlocks.Band band) {
        return band == null ? null
                : new InterlockRule(band.setpoint(), band.tolerance(), band.resumeWithin(), band.settleSecond());
    }

    private ChamberBarrier barrierOf(ScheduledCell cell) {
        return cell.wiring().chamber() == null ? null : chambers.get(cell.wiring().chamber().name());
    }

    /** The cell counts in its chamber from now on (harmless when it already does). */
    void enterChamber(ScheduledCell cell) {
        ChamberBarrier barrier = barrierOf(cell);
        if (barrier != null) {
            barrier.enter(cell.info().id());
        }
    }

    /** The cell is done: its chamber no longer waits for it. */
    void leaveChamber(ScheduledCell cell) {
        ChamberBarrier barrier = barrierOf(cell);
        if (barrier != null) {
            barrier.leave(cell.info().id());
        }
    }

    Map<String, AnalyzerQueue> analyzers() {
        return Collections.unmodifiableMap(analyzers);
    }

    Map<String, ChamberBarrier> chambers() {
        return Collections.unmodifiableMap(chambers);
    }
}
