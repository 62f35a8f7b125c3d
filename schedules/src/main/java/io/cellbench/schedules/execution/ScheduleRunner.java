package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.AnalyzerQueue;
import io.cellbench.schedules.runner.CellSetup;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.runner.HoldSources;
import io.cellbench.schedules.runner.ChamberBarrier;
import io.cellbench.schedules.runner.Coordination;
import io.cellbench.schedules.runner.InterlockRule;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.ProtocolRunner;
import io.cellbench.schedules.runner.RetryingReads;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Interlocks;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs every cell of a schedule, each on its own thread with its own runner, so a slow or
 * failing cell never holds up another. A cell starts once its start conditions hold (the
 * cells it starts after have ended; its channel, or a channel of its pool, is free; its
 * start time has come); meanwhile it is WAITING. Cells sharing an EIS analyzer take turns,
 * cells sharing a chamber move its temperature together, and the schedule's interlocks pause
 * cells (see docs/schedules.md and docs/runner.md). Events from all cells go to one
 * listener, which must accept calls from several threads.
 */
public final class ScheduleRunner implements AutoCloseable {
    /** How often a waiting cell looks at a stop request (real time). */
    private static final long POLL_NANOS = 50_000_000;

    private final Schedule schedule;
    private final InstrumentProvider instruments;
    private final RunListener listener;
    private final CellJournaling journaling;
    private final Map<String, ProtocolRunner> runners = new ConcurrentHashMap<>();
    private volatile FaultRetry faultRetry = FaultRetry.NONE;
    /** Holds asked for before a cell's runner exists (source → reason per cell); guarded by {@code runners}. */
    private final Map<String, Map<String, String>> earlyHolds = new LinkedHashMap<>();
    /** Each cell's holds that are journaled (every source but the interlocks); guarded by {@code runners}. */
    private final Map<String, Map<String, String>> journaledHolds = new LinkedHashMap<>();
    /** Resumed cells that go back to the pool channel they are wired to. */
    private final Map<String, Wiring.Named> wiredTo = new ConcurrentHashMap<>();
    /** Resumed cells whose journaled channel their pool no longer has: why they cannot start. */
    private final Map<String, String> cannotResume = new ConcurrentHashMap<>();
    /** What each not-yet-started cell waits for. */
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    /** Cells that ended without a runner (stopped while waiting, instruments that would not open). */
    private final Map<String, Outcome> endedBeforeStart = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> ended = new ConcurrentHashMap<>();
    private final Map<String, AnalyzerQueue> analyzers = new LinkedHashMap<>();
    private final Map<String, ChamberBarrier> chambers = new LinkedHashMap<>();
    private final ChannelBroker broker;
    private volatile boolean stopping;
    /** Cells an operator stopped one by one ({@link #stop(String)}), also before they started. */
    private final java.util.Set<String> stoppedCells = ConcurrentHashMap.newKeySet();
    /** Channels whose output is not confirmed off after their cell ended, switched off again until it is. */
    private final SwitchOffRetries switchOffs;
    /** Each waiting cell's expected duration (its protocol, from the start): the ETA before it starts. */
    private final Map<String, RunnerStatus.Remaining> wholeProtocol = new ConcurrentHashMap<>();
    /** Cells whose channel {@link #switchOffs} holds: it gives the channel back once the output is off. */
    private final java.util.Set<String> keptForSwitchOff = ConcurrentHashMap.newKeySet();
    private Map<ScheduledCell, io.cellbench.schedules.journal.JournalEntry> leftOn = Map.of();

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
        for (ScheduledCell cell : schedule.cells()) {
            ended.put(cell.info().id(), new CountDownLatch(1));
            Wiring w = cell.wiring();
            if (w.eis() != null) {
                analyzers.computeIfAbsent(w.eis().name(), AnalyzerQueue::new);
            }
            if (w.chamber() != null) {
                chambers.computeIfAbsent(w.chamber().name(), ChamberBarrier::new);
            }
        }
        // A cell counts in its chamber from the moment it has a channel (unless it still waits
        // for its start time): a chamber's cells that start together are all in it at once.
        this.broker = new ChannelBroker(schedule.pools(), (cell, channel) -> {
            if (cell.wiring().start().notBefore() == null) {
                enterChamber(cell);
            }
        });
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
        this.leftOn = new LinkedHashMap<>(cells);
        return this;
    }

    /** Runs all cells to their end; returns each cell's outcome, in schedule order. */
    public Map<String, Outcome> run() throws InterruptedException {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        LeftOnOutputs.switchOff(leftOn, instruments, journaling, switchOffs, listener);
        if (journaling != null) {
            for (ScheduledCell cell : schedule.cells()) {
                restoreJournaled(cell);
            }
        }
        // Cells that may start at once ask for their channels now, in schedule order: that
        // order, not the threads' race, decides who waits. Resumed cells go first: each is
        // wired to the channel it had.
        Map<String, ChannelBroker.Request> early = new LinkedHashMap<>();
        for (ScheduledCell cell : schedule.cells()) {
            String id = cell.info().id();
            if (wiredTo.containsKey(id) && (continues(cell) || cell.wiring().start().after().isEmpty())) {
                early.put(id, broker.request(cell, wiredTo.get(id)));
            }
        }
        for (ScheduledCell cell : schedule.cells()) {
            String id = cell.info().id();
            if (early.containsKey(id) || cannotResume.containsKey(id)) {
                continue;
            }
            if (continues(cell) || cell.wiring().start().after().isEmpty()) {
                if (needsChannel(cell)) {
                    early.put(cell.info().id(), broker.request(cell));
                } else if (cell.wiring().start().notBefore() == null) {
                    enterChamber(cell);
                }
            }
        }
        List<Thread> threads = new ArrayList<>();
        for (ScheduledCell cell : schedule.cells()) {
            String id = cell.info().id();
            // Virtual threads: a real-clock run parks most of the time, and a thousand
            // channels must not cost a thousand platform threads.
            threads.add(Thread.ofVirtual().name("cell-" + id)
                    .start(() -> outcomes.put(id, runCell(cell, early.get(id)))));
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

    /**
     * A resumed cell gets back what the journal kept of it: its holds (it starts paused, and
     * says so) and the pool channel it is wired to (or, when its pool no longer has that
     * channel, it does not start).
     */
    private void restoreJournaled(ScheduledCell cell) {
        String id = cell.info().id();
        Map<String, String> holds = new LinkedHashMap<>(journaling.resumeHolds(cell));
        holds.keySet().removeIf(HoldSources::isInterlock);
        if (!holds.isEmpty()) {
            synchronized (runners) {
                journaledHolds.put(id, new LinkedHashMap<>(holds));
                earlyHolds.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(holds);
            }
            List<String> told = new ArrayList<>();
            holds.forEach((source, reason) -> told.add(reason.isEmpty() ? source : source + ": " + reason));
            notice(id, RunEvent.Severity.WARNING, "held since before the interruption (" + String.join("; ", told)
                    + "): the cell resumes paused, at open circuit, until released");
        }
        String channel = journaling.resumeChannel(cell);
        Wiring.Named pool = cell.wiring().pool();
        if (channel == null || pool == null) {
            return;
        }
        List<Wiring.Named> channels = schedule.pools().getOrDefault(pool.name(), List.of());
        for (Wiring.Named ch : channels) {
            if (ch.name().equals(channel)) {
                wiredTo.put(id, ch);
                return;
            }
        }
        cannotResume.put(id, "cannot resume: before the interruption the cell ran on channel " + channel
                + " of pool " + pool.name() + ", where it is wired, and pool " + pool.name()
                + " no longer has that channel (it has " + String.join(", ", channels.stream().map(Wiring.Named::name)
                .toList()) + "); put " + channel + " back in the pool in the schedule copy in the run directory's"
                + " inputs, or move the cell and give it that channel");
    }

    /** The cell continues an interrupted run (see {@link CellJournaling#continues}). */
    private boolean continues(ScheduledCell cell) {
        return journaling != null && journaling.continues(cell);
    }

    private static boolean needsChannel(ScheduledCell cell) {
        return cell.wiring().channel() != null || cell.wiring().pool() != null;
    }

    private Outcome runCell(ScheduledCell cell, ChannelBroker.Request request) {
        String id = cell.info().id();
        Wiring.Named channel = null;
        try {
            String refused = cannotResume.get(id);
            if (refused != null) {
                listener.on(new RunEvent.Notice(id, 0, RunEvent.Severity.ALARM, refused));
                listener.on(new RunEvent.RunEnded(id, 0, Outcome.FAULT, refused));
                endedBeforeStart.put(id, Outcome.FAULT);
                return Outcome.FAULT;
            }
            // A continued cell started before: the cells it started after ended then.
            if (continues(cell) ? stopping(id) : !awaitPredecessors(cell)) {
                return notStarted(id);
            }
            if (needsChannel(cell)) {
                if (request == null) {
                    request = broker.request(cell, wiredTo.get(id));
                }
                channel = awaitChannel(cell, request);
                if (channel == null) {
                    return notStarted(id);
                }
                placed(cell, channel);
            }
            ScheduledCell placed = channel == null ? cell : cell.onChannel(channel);
            Wiring.Named held = channel;
            return open(placed, () -> broker.release(held));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notStarted(id);
        } finally {
            waiting.remove(id);
            if (!keptForSwitchOff.contains(id)) {
                broker.release(channel);
            }
            ChamberBarrier barrier = barrierOf(cell);
            if (barrier != null) {
                barrier.leave(id);
            }
            ended.get(id).countDown();
        }
    }

    /** Journals a pool's channel: the cell is wired to it from now on, and a resume goes back to it. */
    private void placed(ScheduledCell cell, Wiring.Named channel) {
        String id = cell.info().id();
        if (wiredTo.containsKey(id)) {
            notice(id, RunEvent.Severity.INFO, "back on channel " + channel.name() + " of pool "
                    + cell.wiring().pool().name() + ", where it is wired");
            return;
        }
        if (journaling == null || cell.wiring().pool() == null) {
            return;
        }
        try {
            journaling.placed(id, channel.name());
        } catch (RuntimeException e) {
            notice(id, RunEvent.Severity.WARNING, "the channel it got is not journaled (" + e.getMessage()
                    + "): after a crash, resume it on channel " + channel.name() + " by hand");
        }
    }

    /** Waits until every cell this one starts after has ended (whatever its outcome); false on a stop. */
    private boolean awaitPredecessors(ScheduledCell cell) throws InterruptedException {
        List<Wiring.Named> after = cell.wiring().start().after();
        List<String> names = new ArrayList<>();
        for (Wiring.Named a : after) {
            CountDownLatch latch = ended.get(a.name());
            if (latch != null && latch.getCount() > 0) { // a cell not in this run (resumed) has ended
                names.add(a.name());
            }
        }
        if (names.isEmpty()) {
            return !stopping(cell.info().id());
        }
        String id = cell.info().id();
        String what = "cell" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + " to end";
        waiting.put(id, what);
        notice(id, RunEvent.Severity.INFO, "waiting for " + what);
        for (String name : names) {
            CountDownLatch latch = ended.get(name);
            while (!latch.await(POLL_NANOS, TimeUnit.NANOSECONDS)) {
                if (stopping(cell.info().id())) {
                    return false;
                }
            }
        }
        notice(id, RunEvent.Severity.INFO, String.join(", ", names) + (names.size() == 1 ? " has" : " have")
                + " ended; cell " + id + " may start");
        return !stopping(cell.info().id());
    }

    /** Waits for the cell's channel; {@code null} on a stop. */
    private Wiring.Named awaitChannel(ScheduledCell cell, ChannelBroker.Request request) throws InterruptedException {
        String id = cell.info().id();
        Wiring.Named got = request.granted();
        if (got != null) {
            return got;
        }
        long from = System.nanoTime();
        String what = request.describe();
        waiting.put(id, what);
        notice(id, RunEvent.Severity.INFO, "waiting for " + what);
        while (got == null) {
            if (stopping(cell.info().id())) {
                request.cancel();
                return null;
            }
            got = request.await(POLL_NANOS);
            if (got == null) {
                waiting.put(id, request.describe());
            }
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        notice(id, RunEvent.Severity.INFO, "got channel " + got.name()
                + (cell.wiring().pool() != null ? " of pool " + cell.wiring().pool().name() : "")
                + String.format(java.util.Locale.ROOT, " after waiting %.1f s", seconds));
        return got;
    }

    /**
     * Opens the cell's instruments and runs it. A run that ends with its channel's output not
     * confirmed off hands the instruments to {@link #switchOffs}, which closes them (and runs
     * {@code releaseChannel}) once the instrument confirms; otherwise they close here.
     */
    private Outcome open(ScheduledCell cell, Runnable releaseChannel) throws InterruptedException {
        String id = cell.info().id();
        CellInstruments inst;
        try {
            inst = instruments.open(cell);
        } catch (RuntimeException e) {
            listener.on(new RunEvent.Notice(id, 0, RunEvent.Severity.ALARM, "cannot open instruments: " + e.getMessage()));
            listener.on(new RunEvent.RunEnded(id, 0, Outcome.FAULT, "cannot open instruments: " + e.getMessage()));
            endedBeforeStart.put(id, Outcome.FAULT);
            return Outcome.FAULT;
        }
        boolean handedOver = false;
        try {
            if (!awaitStartTime(cell, inst)) {
                return notStarted(id);
            }
            enterChamber(cell); // (again: harmless) a cell that waited for its start time enters only now
            PositionListener journal = journaling == null ? null : journaling.journal(cell, inst);
            CellSetup setup = CellSetup.builder(cell.info(), cell.protocol(), inst.channel(), inst.clock(), listener)
                    .eis(inst.eisAnalyzer(), inst.muxChannel())
                    .pressureFixture(inst.pressureFixture())
                    .chamber(inst.chamber())
                    .faultPolicy(RetryingReads.forCell(faultRetry, inst.clock(), listener, id))
                    .coordination(coordination(cell))
                    .resumeFrom(journaling == null ? null : journaling.resumeFrom(cell, inst))
                    .positionListener(journal)
                    .build();
            ProtocolRunner runner = new ProtocolRunner(setup);
            synchronized (runners) {
                runners.put(id, runner);
                waiting.remove(id);
                Map<String, String> holds = earlyHolds.remove(id);
                if (holds != null) {
                    holds.forEach(runner::hold);
                }
            }
            if (stopping(cell.info().id())) {
                runner.stop();
            }
            Outcome outcome = runner.run();
            String unconfirmed = runner.outputUnconfirmed();
            if (unconfirmed != null) {
                double endedAt = runner.status().testTimeSecond();
                keptForSwitchOff.add(id);
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

    /** Waits on the cell's own clock (so a simulation jumps there) until its start time; false on a stop. */
    private boolean awaitStartTime(ScheduledCell cell, CellInstruments inst) throws InterruptedException {
        java.time.Instant at = cell.wiring().start().notBefore();
        if (at == null || continues(cell)) {
            return !stopping(cell.info().id());
        }
        double due = at.getEpochSecond() + at.getNano() / 1e9;
        if (inst.clock().nowUnixSeconds() >= due) {
            return !stopping(cell.info().id());
        }
        String id = cell.info().id();
        waiting.put(id, "its start time " + at);
        notice(id, RunEvent.Severity.INFO, "waiting until " + at + " to start; the channel stays at open circuit");
        while (inst.clock().nowUnixSeconds() < due) {
            if (stopping(cell.info().id())) {
                return false;
            }
            inst.clock().sleepUntil(Math.min(due, inst.clock().nowUnixSeconds() + 1));
        }
        return !stopping(cell.info().id());
    }

    private Coordination coordination(ScheduledCell cell) {
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

    private void enterChamber(ScheduledCell cell) {
        ChamberBarrier barrier = barrierOf(cell);
        if (barrier != null) {
            barrier.enter(cell.info().id());
        }
    }

    /** A cell stopped before its run began. */
    private Outcome notStarted(String id) {
        String text = "stopped before it started";
        notice(id, RunEvent.Severity.WARNING, text);
        listener.on(new RunEvent.RunEnded(id, 0, Outcome.STOPPED, text));
        endedBeforeStart.put(id, Outcome.STOPPED);
        return Outcome.STOPPED;
    }

    private void notice(String id, RunEvent.Severity severity, String text) {
        listener.on(new RunEvent.Notice(id, 0, severity, text));
    }

    /**
     * Asks every cell to stop: running cells end within one sample period, waiting cells do not
     * start, and channels whose output is not confirmed off are given up (an ALARM says to
     * switch them off at the instrument).
     */
    public void stop() {
        stopping = true;
        runners.values().forEach(ProtocolRunner::stop);
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
        stoppedCells.add(cellId); // a waiting cell then does not start
        ProtocolRunner r = runners.get(cellId);
        if (r != null) {
            r.stop();
        }
        switchOffs.giveUp(cellId); // an ended cell whose output is in doubt: the operator takes over
        return true;
    }

    private boolean stopping(String cellId) {
        return stopping || stoppedCells.contains(cellId);
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
            if (!HoldSources.isInterlock(source)) {
                Map<String, String> kept = journaledHolds.computeIfAbsent(cellId, k -> new LinkedHashMap<>());
                String was = kept.put(source, reason == null ? "" : reason);
                if (!kept.get(source).equals(was)) {
                    journalHolds(cellId, kept);
                }
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
            Map<String, String> kept = journaledHolds.get(cellId);
            if (kept != null && kept.remove(source) != null) {
                journalHolds(cellId, kept);
            }
        }
        return true;
    }

    /** Journals the cell's holds before the hold or release returns (under {@code runners}: one at a time, in order). */
    private void journalHolds(String cellId, Map<String, String> kept) {
        if (journaling == null) {
            return;
        }
        try {
            journaling.held(cellId, new LinkedHashMap<>(kept));
        } catch (RuntimeException e) {
            notice(cellId, RunEvent.Severity.WARNING, "the cell's holds are not journaled (" + e.getMessage()
                    + "): after a crash it would resume without them");
        }
    }

    private boolean knows(String cellId) {
        return ended.containsKey(cellId);
    }

    /**
     * A snapshot of every cell, in schedule order: a started cell's runner status, {@link
     * RunnerStatus#waiting} with what a cell that has not started waits for, or {@link
     * RunnerStatus#endedBeforeStart} for a cell that ended without starting.
     */
    public Map<String, RunnerStatus> statuses() {
        Map<String, RunnerStatus> out = new LinkedHashMap<>();
        for (ScheduledCell cell : schedule.cells()) {
            String id = cell.info().id();
            ProtocolRunner r = runners.get(id);
            if (r != null) {
                RunnerStatus s = r.status();
                RunnerStatus.Health health = switchOffs.health(id, s.health());
                out.put(id, health == s.health() ? s : s.with(health));
            } else {
                String what = waiting.get(id);
                Outcome ended = endedBeforeStart.get(id);
                int planned = ProtocolRunner.plannedStepCount(cell.protocol());
                if (ended != null) {
                    out.put(id, RunnerStatus.endedBeforeStart(ended, planned));
                } else if (what != null) {
                    out.put(id, RunnerStatus.waiting(what, planned, wholeProtocol.computeIfAbsent(id,
                            k -> ProtocolRunner.expectedDuration(cell.protocol(), cell.info()))));
                }
            }
        }
        return out;
    }

    /** The turns at each shared EIS analyzer, by lab name (for status pages and tests). */
    public Map<String, AnalyzerQueue> analyzerQueues() {
        return java.util.Collections.unmodifiableMap(analyzers);
    }

    /** The shared chambers, by lab name. */
    public Map<String, ChamberBarrier> chamberBarriers() {
        return java.util.Collections.unmodifiableMap(chambers);
    }

    public Schedule schedule() {
        return schedule;
    }
}
