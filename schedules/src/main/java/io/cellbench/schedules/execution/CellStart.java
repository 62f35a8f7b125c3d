package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.HoldSources;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A cell's start conditions, each waited for on the cell's own thread while its status says
 * what it waits for: the cells it starts after have ended, its channel (or one of its pool's)
 * is free, its start time has come. Also what a resumed cell gets back from the journal before
 * the run begins: its holds and the pool channel it is wired to. Every wait looks at a stop
 * request at least every {@link #POLL_NANOS} of real time.
 */
final class CellStart {
    /** How often a waiting cell looks at a stop request (real time). */
    private static final long POLL_NANOS = 50_000_000;

    private final Schedule schedule;
    private final Map<String, CellState> cells;
    private final CellJournaling journaling;
    private final RunListener listener;
    private final Predicate<CellState> stopping;

    CellStart(Schedule schedule, Map<String, CellState> cells, CellJournaling journaling, RunListener listener,
              Predicate<CellState> stopping) {
        this.schedule = schedule;
        this.cells = cells;
        this.journaling = journaling;
        this.listener = listener;
        this.stopping = stopping;
    }

    /** The cell continues an interrupted run (see {@link CellJournaling#continues}). */
    boolean continues(ScheduledCell cell) {
        return journaling != null && journaling.continues(cell);
    }

    /**
     * A resumed cell gets back what the journal kept of it: its holds (it starts paused, and
     * says so) and the pool channel it is wired to (or, when its pool no longer has that
     * channel, it does not start).
     */
    void restoreJournaled(CellState state) {
        ScheduledCell cell = state.cell();
        String id = state.id();
        Map<String, String> holds = new LinkedHashMap<>(journaling.resumeHolds(cell));
        holds.keySet().removeIf(HoldSources::isInterlock);
        if (!holds.isEmpty()) {
            state.restoreHolds(holds);
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
                state.wiredTo(ch);
                return;
            }
        }
        state.cannotResume("cannot resume: before the interruption the cell ran on channel " + channel
                + " of pool " + pool.name() + ", where it is wired, and pool " + pool.name()
                + " no longer has that channel (it has " + String.join(", ", channels.stream().map(Wiring.Named::name)
                .toList()) + "); put " + channel + " back in the pool in the schedule copy in the run directory's"
                + " inputs, or move the cell and give it that channel");
    }

    /** Journals a pool's channel: the cell is wired to it from now on, and a resume goes back to it. */
    void placed(CellState state, Wiring.Named channel) {
        ScheduledCell cell = state.cell();
        String id = state.id();
        if (state.wiredTo() != null) {
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
    boolean awaitPredecessors(CellState state) throws InterruptedException {
        List<Wiring.Named> after = state.cell().wiring().start().after();
        List<String> names = new ArrayList<>();
        for (Wiring.Named a : after) {
            CellState before = cells.get(a.name());
            if (before != null && before.ended().getCount() > 0) { // a cell not in this run (resumed) has ended
                names.add(a.name());
            }
        }
        if (names.isEmpty()) {
            return !stopping.test(state);
        }
        String id = state.id();
        String what = "cell" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + " to end";
        state.waitingFor(what);
        notice(id, RunEvent.Severity.INFO, "waiting for " + what);
        for (String name : names) {
            CountDownLatch latch = cells.get(name).ended();
            while (!latch.await(POLL_NANOS, TimeUnit.NANOSECONDS)) {
                if (stopping.test(state)) {
                    return false;
                }
            }
        }
        notice(id, RunEvent.Severity.INFO, String.join(", ", names) + (names.size() == 1 ? " has" : " have")
                + " ended; cell " + id + " may start");
        return !stopping.test(state);
    }

    /** Waits for the cell's channel; {@code null} on a stop. */
    Wiring.Named awaitChannel(CellState state, ChannelBroker.Request request) throws InterruptedException {
        ScheduledCell cell = state.cell();
        String id = state.id();
        Wiring.Named got = request.granted();
        if (got != null) {
            return got;
        }
        long from = System.nanoTime();
        String what = request.describe();
        state.waitingFor(what);
        notice(id, RunEvent.Severity.INFO, "waiting for " + what);
        while (got == null) {
            if (stopping.test(state)) {
                request.cancel();
                return null;
            }
            got = request.await(POLL_NANOS);
            if (got == null) {
                state.waitingFor(request.describe());
            }
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        notice(id, RunEvent.Severity.INFO, "got channel " + got.name()
                + (cell.wiring().pool() != null ? " of pool " + cell.wiring().pool().name() : "")
                + String.format(java.util.Locale.ROOT, " after waiting %.1f s", seconds));
        return got;
    }

    /** Waits on the cell's own clock (so a simulation jumps there) until its start time; false on a stop. */
    boolean awaitStartTime(CellState state, CellInstruments inst) throws InterruptedException {
        ScheduledCell cell = state.cell();
        java.time.Instant at = cell.wiring().start().notBefore();
        if (at == null || continues(cell)) {
            return !stopping.test(state);
        }
        double due = at.getEpochSecond() + at.getNano() / 1e9;
        if (inst.clock().nowUnixSeconds() >= due) {
            return !stopping.test(state);
        }
        state.waitingFor("its start time " + at);
        notice(state.id(), RunEvent.Severity.INFO, "waiting until " + at
                + " to start; the channel stays at open circuit");
        while (inst.clock().nowUnixSeconds() < due) {
            if (stopping.test(state)) {
                return false;
            }
            inst.clock().sleepUntil(Math.min(due, inst.clock().nowUnixSeconds() + 1));
        }
        return !stopping.test(state);
    }

    private void notice(String id, RunEvent.Severity severity, String text) {
        listener.on(new RunEvent.Notice(id, 0, severity, text));
    }
}
