package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.CellSetup;
import io.cellbench.schedules.runner.DelegatedRunner;
import io.cellbench.schedules.runner.DelegatedSetup;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.ProtocolRunner;
import io.cellbench.schedules.runner.RetryingReads;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One cell's life on its own thread: waits for its start conditions ({@link CellStart}),
 * takes its channel, opens its instruments, runs its protocol, and gives everything back —
 * or hands a channel whose output is not confirmed off to the switch-off retries.
 */
final class CellRun {
    private final InstrumentProvider instruments;
    private final RunListener listener;
    private final CellJournaling journaling;
    private final CellStart start;
    private final ChannelBroker broker;
    private final SharedInstruments shared;
    private final SwitchOffRetries switchOffs;
    private final Supplier<FaultRetry> faultRetry;
    private final Predicate<CellState> stopping;

    CellRun(InstrumentProvider instruments, RunListener listener, CellJournaling journaling, CellStart start,
            ChannelBroker broker, SharedInstruments shared, SwitchOffRetries switchOffs, Supplier<FaultRetry> faultRetry,
            Predicate<CellState> stopping) {
        this.instruments = instruments;
        this.listener = listener;
        this.journaling = journaling;
        this.start = start;
        this.broker = broker;
        this.shared = shared;
        this.switchOffs = switchOffs;
        this.faultRetry = faultRetry;
        this.stopping = stopping;
    }

    /** Runs the cell from its start conditions to its end, on the calling thread; returns how it ended. */
    Outcome run(CellState state, ChannelBroker.Request request) {
        ScheduledCell cell = state.cell();
        String id = state.id();
        Wiring.Named channel = null;
        try {
            String refused = state.cannotResume();
            if (refused != null) {
                listener.on(new RunEvent.Notice(id, 0, RunEvent.Severity.ALARM, refused));
                listener.on(new RunEvent.RunEnded(id, 0, Outcome.FAULT, refused));
                state.endedBeforeStart(Outcome.FAULT);
                return Outcome.FAULT;
            }
            // A continued cell started before: the cells it started after ended then.
            if (start.continues(cell) ? stopping.test(state) : !start.awaitPredecessors(state)) {
                return notStarted(state);
            }
            if (ScheduleRunner.needsChannel(cell)) {
                if (request == null) {
                    request = broker.request(cell, state.wiredTo());
                }
                channel = start.awaitChannel(state, request);
                if (channel == null) {
                    return notStarted(state);
                }
                start.placed(state, channel);
            }
            ScheduledCell placed = channel == null ? cell : cell.onChannel(channel);
            Wiring.Named held = channel;
            return open(state, placed, () -> broker.release(held));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notStarted(state);
        } finally {
            state.waitingFor(null);
            if (!state.keptForSwitchOff()) {
                broker.release(channel);
            }
            shared.leaveChamber(cell);
            state.ended().countDown();
        }
    }

    /**
     * Opens the cell's instruments and runs it. A run that ends with its channel's output not
     * confirmed off hands the instruments to {@link SwitchOffRetries}, which closes them (and runs
     * {@code releaseChannel}) once the instrument confirms; otherwise they close here.
     */
    private Outcome open(CellState state, ScheduledCell cell, Runnable releaseChannel) throws InterruptedException {
        String id = cell.info().id();
        CellInstruments inst;
        try {
            inst = instruments.open(cell);
        } catch (RuntimeException e) {
            listener.on(new RunEvent.Notice(id, 0, RunEvent.Severity.ALARM, "cannot open instruments: " + e.getMessage()));
            listener.on(new RunEvent.RunEnded(id, 0, Outcome.FAULT, "cannot open instruments: " + e.getMessage()));
            state.endedBeforeStart(Outcome.FAULT);
            return Outcome.FAULT;
        }
        boolean handedOver = false;
        try {
            if (!start.awaitStartTime(state, inst)) {
                return notStarted(state);
            }
            shared.enterChamber(cell); // (again: harmless) a cell that waited for its start time enters only now
            PositionListener journal = journaling == null ? null : journaling.journal(cell, inst);
            if (inst.program() != null) {
                return delegated(state, cell, inst, journal);
            }
            CellSetup setup = CellSetup.builder(cell.info(), cell.protocol(), inst.channel(), inst.clock(), listener)
                    .eis(inst.eisAnalyzer(), inst.muxChannel())
                    .pressureFixture(inst.pressureFixture())
                    .chamber(inst.chamber())
                    .faultPolicy(RetryingReads.forCell(faultRetry.get(), inst.clock(), listener, id))
                    .coordination(shared.coordination(cell))
                    .resumeFrom(journaling == null ? null : journaling.resumeFrom(cell, inst))
                    .positionListener(journal)
                    .build();
            ProtocolRunner runner = new ProtocolRunner(setup);
            state.started(runner);
            if (stopping.test(state)) {
                runner.stop();
            }
            Outcome outcome = runner.run();
            String unconfirmed = runner.outputUnconfirmed();
            if (unconfirmed != null) {
                double endedAt = runner.status().testTimeSecond();
                state.keepForSwitchOff();
                switchOffs.start(id, inst, endedAt, inst.clock().nowUnixSeconds() - endedAt, unconfirmed,
                        journal == null ? () -> { } : journal::confirmedOffLater, releaseChannel);
                handedOver = true;
            }
            return outcome;
        } finally {
            if (!handedOver) {
                inst.close();
            }
        }
    }

    /**
     * A cell on a channel that runs programs of its own: its protocol runs as compiled programs
     * (see {@link DelegatedRunner}); the cycler keeps its output, so nothing is left to switch off.
     */
    private Outcome delegated(CellState state, ScheduledCell cell, CellInstruments inst, PositionListener journal) {
        DelegatedRunner runner = new DelegatedRunner(new DelegatedSetup(cell.info(), cell.protocol(), inst.program(),
                inst.eisAnalyzer(), inst.muxChannel(), inst.clock(), listener, shared.coordination(cell), journal,
                journaling == null ? null : journaling.resumeFrom(cell, inst), inst.pressureFixture(), inst.chamber()));
        state.started(runner);
        if (stopping.test(state)) {
            runner.stop();
        }
        return runner.run();
    }

    /** A cell stopped before its run began. */
    private Outcome notStarted(CellState state) {
        String id = state.id();
        String text = "stopped before it started";
        notice(id, RunEvent.Severity.WARNING, text);
        listener.on(new RunEvent.RunEnded(id, 0, Outcome.STOPPED, text));
        state.endedBeforeStart(Outcome.STOPPED);
        return Outcome.STOPPED;
    }

    private void notice(String id, RunEvent.Severity severity, String text) {
        listener.on(new RunEvent.Notice(id, 0, severity, text));
    }
}
