package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.AnalyzerQueue;
import io.cellbench.schedules.runner.CellRunner;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.runner.ChamberBarrier;
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
 * Runs every cell of a schedule, each on its own thread with its own runner, so a slow or
 * failing cell never holds up another. A cell starts once its start conditions hold (the
 * cells it starts after have ended; its channel, or a channel of its pool, is free; its
 * start time has come); meanwhile it is WAITING. Cells sharing an EIS analyzer take turns,
 * cells sharing a chamber move its temperature together, and the schedule's interlocks pause
 * cells (see docs/schedules.md and docs/runner.md). Events from all cells go to one
 * listener, which must accept calls from several threads.
 *
 * <p><b>Concurrency.</b> Everything per cell is in its {@link CellState}, under that cell's
 * lock (the rule is stated there); the map of cells and the shared instruments are filled in
 * the constructor and never change. The only other mutable state is the run-wide stop flag
 * and the fault retry, both volatile. A cell's life runs on its own virtual thread
 * ({@link CellRun}); hold, release, stop and statuses may come from any thread.
 */
public final class ScheduleRunner implements AutoCloseable {
    private final Schedule schedule;
    private final InstrumentProvider instruments;
    private final RunListener listener;
    private final CellJournaling journaling;
    /** Every cell of the schedule, in schedule order; the map never changes (see {@link CellState} for the rule). */
    private final Map<String, CellState> cells = new LinkedHashMap<>();
    private final CellStart start;
    private volatile FaultRetry faultRetry = FaultRetry.NONE;
    private final SharedInstruments shared;
    private final CellRun cellRun;
    private final ChannelBroker broker;
    private volatile boolean stopping;
    /** Channels whose output is not confirmed off after their cell ended, switched off again until it is. */
    private final SwitchOffRetries switchOffs;
    private LeftOnOutputs leftOn = LeftOnOutputs.NONE;

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
        this.switchOffs = new SwitchOffRetries(listener);
        this.start = new CellStart(schedule, cells, journaling, listener, this::stopping);
        for (ScheduledCell cell : schedule.cells()) {
            cells.put(cell.info().id(), new CellState(cell));
        }
        // A cell counts in its chamber from the moment it has a channel (unless it still waits
        // for its start time): a chamber's cells that start together are all in it at once.
        this.shared = new SharedInstruments(schedule);
        this.broker = new ChannelBroker(schedule.pools(), (cell, channel) -> {
            if (cell.wiring().start().notBefore() == null) {
                shared.enterChamber(cell);
            }
        });
        this.cellRun = new CellRun(instruments, listener, journaling, start, broker, shared, switchOffs,
                () -> faultRetry, this::stopping);
    }

    /**
     * How long each cell rides out a failing instrument read before it faults (see
     * {@link RetryingReads}); without this call a failed read faults its cell at once.
     */
    public ScheduleRunner faultRetry(FaultRetry retry) {
        this.faultRetry = java.util.Objects.requireNonNull(retry, "retry");
        switchOffs.backoff(retry);
        return this;
    }

    /**
     * SAFETY: finished cells of an earlier process whose output it left not confirmed off,
     * with their journal entries; {@link #run} switches each off before any cell starts (see
     * {@link LeftOnOutputs}).
     */
    public ScheduleRunner switchOffLeftOn(Map<ScheduledCell, io.cellbench.schedules.journal.JournalEntry> cells) {
        this.leftOn = new LeftOnOutputs(cells);
        return this;
    }

    /** Runs all cells to their end; returns each cell's outcome, in schedule order. */
    public Map<String, Outcome> run() throws InterruptedException {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        leftOn.switchOff(schedule, instruments, journaling, switchOffs, listener);
        if (journaling != null) {
            cells.values().forEach(start::restoreJournaled);
        }
        // Cells that may start at once ask for their channels now, in schedule order: that
        // order, not the threads' race, decides who waits. Resumed cells go first: each is
        // wired to the channel it had.
        Map<String, ChannelBroker.Request> early = new LinkedHashMap<>();
        for (CellState state : cells.values()) {
            ScheduledCell cell = state.cell();
            if (state.wiredTo() != null && (start.continues(cell) || cell.wiring().start().after().isEmpty())) {
                early.put(state.id(), broker.request(cell, state.wiredTo()));
            }
        }
        for (CellState state : cells.values()) {
            ScheduledCell cell = state.cell();
            String id = state.id();
            if (early.containsKey(id) || state.cannotResume() != null) {
                continue;
            }
            if (start.continues(cell) || cell.wiring().start().after().isEmpty()) {
                if (needsChannel(cell)) {
                    early.put(cell.info().id(), broker.request(cell));
                } else if (cell.wiring().start().notBefore() == null) {
                    shared.enterChamber(cell);
                }
            }
        }
        List<Thread> threads = new ArrayList<>();
        for (CellState state : cells.values()) {
            String id = state.id();
            // Virtual threads: a real-clock run parks most of the time, and a thousand
            // channels must not cost a thousand platform threads.
            threads.add(Thread.ofVirtual().name("cell-" + id)
                    .start(() -> outcomes.put(id, cellRun.run(state, early.get(id)))));
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

    static boolean needsChannel(ScheduledCell cell) {
        return cell.wiring().channel() != null || cell.wiring().pool() != null;
    }

    /**
     * Asks every cell to stop: running cells end within one sample period, waiting cells do not
     * start, and channels whose output is not confirmed off are given up (an ALARM says to
     * switch them off at the instrument).
     */
    public void stop() {
        stopping = true;
        for (CellState state : cells.values()) {
            CellRunner r = state.runner();
            if (r != null) {
                r.stop();
            }
        }
        for (String id : switchOffs.unconfirmed()) {
            switchOffs.giveUp(id);
        }
    }

    /**
     * The cells that ended with their channel's output not confirmed off: cellbench keeps
     * switching each off (see {@link SwitchOffRetries}) until the instrument confirms, the
     * cell is stopped, or this runner is closed.
     */
    public List<String> outputsUnconfirmed() {
        return switchOffs.unconfirmed();
    }

    /** Waits until no output is left unconfirmed, or {@code millis} pass; true when none is left. */
    public boolean awaitOutputsOff(long millis) throws InterruptedException {
        return switchOffs.await(millis);
    }

    /** Gives up the outputs still not confirmed off (each with an ALARM) and closes their instruments. */
    @Override
    public void close() {
        switchOffs.close();
    }

    /**
     * Asks one cell to stop, as {@link #stop()} does for all: running, it ends within one
     * sample period; waiting (for a channel, other cells, its start time), it does not start.
     *
     * @return false for an id the schedule does not have
     */
    public boolean stop(String cellId) {
        if (!knows(cellId)) {
            // a finished cell of an earlier process whose output a resume is switching off
            return switchOffs.giveUp(cellId);
        }
        CellRunner r = cells.get(cellId).requestStop(); // a waiting cell then does not start
        if (r != null) {
            r.stop();
        }
        switchOffs.giveUp(cellId); // an ended cell whose output is in doubt: the operator takes over
        return true;
    }

    private boolean stopping(CellState state) {
        return stopping || state.stopRequested();
    }

    /**
     * Holds cell {@code cellId} for {@code source} (see {@link ProtocolRunner#hold}); a cell
     * that has not started yet starts held. Returns false for an id the schedule does not have.
     */
    public boolean hold(String cellId, String source, String reason) {
        if (!knows(cellId)) {
            return false;
        }
        cells.get(cellId).hold(source, reason, holds -> journalHolds(cellId, holds));
        return true;
    }

    /** Ends the hold of {@code source} on cell {@code cellId}; false for an id the schedule does not have. */
    public boolean release(String cellId, String source) {
        if (!knows(cellId)) {
            return false;
        }
        cells.get(cellId).release(source, holds -> journalHolds(cellId, holds));
        return true;
    }

    /** Journals the cell's holds before the hold or release returns (under the cell's lock: in order). */
    private void journalHolds(String cellId, Map<String, String> kept) {
        if (journaling == null) {
            return;
        }
        try {
            journaling.held(cellId, kept);
        } catch (RuntimeException e) {
            notice(cellId, RunEvent.Severity.WARNING, "the cell's holds are not journaled (" + e.getMessage()
                    + "): after a crash it would resume without them");
        }
    }

    private void notice(String id, RunEvent.Severity severity, String text) {
        listener.on(new RunEvent.Notice(id, 0, severity, text));
    }

    private boolean knows(String cellId) {
        return cells.containsKey(cellId);
    }

    /**
     * A snapshot of every cell, in schedule order: a started cell's runner status, {@link
     * RunnerStatus#waiting} with what a cell that has not started waits for, or {@link
     * RunnerStatus#endedBeforeStart} for a cell that ended without starting.
     */
    public Map<String, RunnerStatus> statuses() {
        Map<String, RunnerStatus> out = new LinkedHashMap<>();
        for (CellState state : cells.values()) {
            ScheduledCell cell = state.cell();
            CellRunner r = state.runner();
            if (r != null) {
                RunnerStatus s = r.status();
                RunnerStatus.Health health = switchOffs.health(state.id(), s.health());
                out.put(state.id(), health == s.health() ? s : s.with(health));
            } else {
                RunnerStatus s = state.statusBeforeStart(ProtocolRunner.plannedStepCount(cell.protocol()),
                        () -> ProtocolRunner.expectedDuration(cell.protocol(), cell.info()));
                if (s != null) {
                    out.put(state.id(), s);
                }
            }
        }
        return out;
    }

    /**
     * The finished cells of an earlier process whose output this one switches off ({@link
     * #switchOffLeftOn}), each ended with its outcome and whether its output is still in doubt.
     */
    public Map<String, RunnerStatus> leftOnStatuses() {
        return leftOn.statuses(switchOffs);
    }

    /** The turns at each shared EIS analyzer, by lab name (for status pages and tests). */
    public Map<String, AnalyzerQueue> analyzerQueues() {
        return shared.analyzers();
    }

    /** The shared chambers, by lab name. */
    public Map<String, ChamberBarrier> chamberBarriers() {
        return shared.chambers();
    }

    public Schedule schedule() {
        return schedule;
    }
}
