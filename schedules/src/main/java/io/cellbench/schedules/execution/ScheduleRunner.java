package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.CellSetup;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.runner.ProtocolRunner;
import io.cellbench.schedules.runner.RetryingReads;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every cell of a schedule at once, each on its own thread with its own runner, so a
 * slow or failing cell never holds up another. Events from all cells go to one listener,
 * which must accept calls from several threads.
 */
public final class ScheduleRunner {
    private final Schedule schedule;
    private final InstrumentProvider instruments;
    private final RunListener listener;
    private final CellJournaling journaling;
    private final Map<String, ProtocolRunner> runners = new ConcurrentHashMap<>();
    /** Holds asked for before a cell's runner exists (source → reason per cell); guarded by {@code runners}. */
    private final Map<String, Map<String, String>> earlyHolds = new LinkedHashMap<>();
    private volatile FaultRetry faultRetry = FaultRetry.NONE;

    public ScheduleRunner(Schedule schedule, InstrumentProvider instruments, RunListener listener) {
        this(schedule, instruments, listener, null);
    }

    /**
     * @param journaling journals every cell's position and says where resumed cells go on
     *                   from; {@code null} for a run that keeps no journal
     */
    public ScheduleRunner(Schedule schedule, InstrumentProvider instruments, RunListener listener,
                          CellJournaling journaling) {
        this.schedule = schedule;
        this.instruments = instruments;
        this.listener = listener;
        this.journaling = journaling;
    }

    /**
     * How long each cell rides out a failing instrument read before it faults (see
     * {@link RetryingReads}); without this call a failed read faults its cell at once.
     */
    public ScheduleRunner faultRetry(FaultRetry retry) {
        this.faultRetry = java.util.Objects.requireNonNull(retry, "retry");
        return this;
    }

    /** Runs all cells to their end; returns each cell's outcome, in schedule order. */
    public Map<String, Outcome> run() throws InterruptedException {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (ScheduledCell cell : schedule.cells()) {
            // Virtual threads: a real-clock run parks most of the time, and a thousand
            // channels must not cost a thousand platform threads.
            threads.add(Thread.ofVirtual().name("cell-" + cell.info().id())
                    .start(() -> outcomes.put(cell.info().id(), runCell(cell))));
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            stop();
            for (Thread t : threads) {
                t.join();
            }
            throw e;
        }
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        for (ScheduledCell cell : schedule.cells()) {
            ordered.put(cell.info().id(), outcomes.get(cell.info().id()));
        }
        return ordered;
    }

    private Outcome runCell(ScheduledCell cell) {
        String id = cell.info().id();
        CellInstruments inst;
        try {
            inst = instruments.open(cell);
        } catch (RuntimeException e) {
            listener.on(new RunEvent.Notice(id, 0, RunEvent.Severity.ALARM, "cannot open instruments: " + e.getMessage()));
            listener.on(new RunEvent.RunEnded(id, 0, Outcome.FAULT, "cannot open instruments: " + e.getMessage()));
            return Outcome.FAULT;
        }
        try (inst) {
            CellSetup setup = CellSetup.builder(cell.info(), cell.protocol(), inst.channel(), inst.clock(), listener)
                    .eis(inst.eisAnalyzer(), inst.muxChannel())
                    .pressureFixture(inst.pressureFixture())
                    .chamber(inst.chamber())
                    .faultPolicy(RetryingReads.forCell(faultRetry, inst.clock(), listener, id))
                    .resumeFrom(journaling == null ? null : journaling.resumeFrom(cell, inst))
                    .positionListener(journaling == null ? null : journaling.journal(cell, inst))
                    .build();
            ProtocolRunner runner = new ProtocolRunner(setup);
            synchronized (runners) {
                runners.put(id, runner);
                Map<String, String> early = earlyHolds.remove(id);
                if (early != null) {
                    early.forEach(runner::hold);
                }
            }
            return runner.run();
        }
    }

    /** Asks every running cell to stop; each ends within one sample period. */
    public void stop() {
        runners.values().forEach(ProtocolRunner::stop);
    }

    /**
     * Asks one cell to stop, as {@link #stop()} does for all.
     *
     * @return false when the cell has not started (or is not in this run)
     */
    public boolean stop(String cellId) {
        ProtocolRunner r = runners.get(cellId);
        if (r != null) {
            r.stop();
        }
        return r != null;
    }

    /**
     * Holds cell {@code cellId} for {@code source} (see {@link ProtocolRunner#hold}); a cell
     * that has not started yet starts held. Returns false for an id the schedule does not have.
     */
    public boolean hold(String cellId, String source, String reason) {
        if (!knows(cellId)) {
            return false;
        }
        synchronized (runners) {
            ProtocolRunner r = runners.get(cellId);
            if (r != null) {
                r.hold(source, reason);
            } else {
                earlyHolds.computeIfAbsent(cellId, k -> new LinkedHashMap<>()).put(source, reason);
            }
        }
        return true;
    }

    /** Ends the hold of {@code source} on cell {@code cellId}; false for an id the schedule does not have. */
    public boolean release(String cellId, String source) {
        if (!knows(cellId)) {
            return false;
        }
        synchronized (runners) {
            ProtocolRunner r = runners.get(cellId);
            if (r != null) {
                r.release(source);
            } else {
                Map<String, String> early = earlyHolds.get(cellId);
                if (early != null) {
                    early.remove(source);
                }
            }
        }
        return true;
    }

    private boolean knows(String cellId) {
        return schedule.cells().stream().anyMatch(c -> c.info().id().equals(cellId));
    }

    /** A snapshot of every started cell, in schedule order. */
    public Map<String, RunnerStatus> statuses() {
        Map<String, RunnerStatus> out = new LinkedHashMap<>();
        for (ScheduledCell cell : schedule.cells()) {
            ProtocolRunner r = runners.get(cell.info().id());
            if (r != null) {
                out.put(cell.info().id(), r.status());
            }
        }
        return out;
    }

    public Schedule schedule() {
        return schedule;
    }
}
