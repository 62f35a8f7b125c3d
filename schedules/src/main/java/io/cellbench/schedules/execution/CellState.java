package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.runner.CellRunner;
import io.cellbench.schedules.runner.HoldSources;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One cell as the scheduler sees it: its runner once it has started, the holds asked for
 * before that, the holds the journal keeps, what it waits for, and how it ended if it never
 * started.
 *
 * <p><b>The one concurrency rule.</b> Every mutable field of a CellState is read and written
 * only while holding that cell's lock (a {@link ReentrantLock}: cells run on virtual threads,
 * which {@code synchronized} would pin to their carrier). A thread holds at most one cell's
 * lock at a time and never waits under it, except for the journal's short write of the cell's
 * holds (the journal serialises its writes itself) and the runner's own hold (which tells an
 * analyzer in mid-sweep to abort), so that a hold, a release and the cell's
 * start are each one step: a hold asked for while the cell starts lands either in the holds
 * the runner is given or in the runner, never in neither, and the journal hears each cell's
 * holds in the order they changed. The {@link #ended} latch needs no lock.
 */
final class CellState {
    private final ScheduledCell cell;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();

    private CellRunner runner;
    /** Holds asked for before the runner exists, source → reason. */
    private final Map<String, String> earlyHolds = new LinkedHashMap<>();
    /** The holds the journal keeps (every source but the interlocks), source → reason. */
    private final Map<String, String> journaledHolds = new LinkedHashMap<>();
    /** A resumed cell goes back to the pool channel it is wired to. */
    private Wiring.Named wiredTo;
    /** Why a resumed cell cannot start (its journaled channel left its pool), or null. */
    private String cannotResume;
    /** What the not-yet-started cell waits for, or null. */
    private String waitingFor;
    /** How the cell ended without a runner (stopped while waiting, instruments that would not open), or null. */
    private Outcome endedBeforeStart;
    /** An operator stopped this cell ({@link ScheduleRunner#stop(String)}), also before it started. */
    private boolean stopRequested;
    /** Its channel stays with the switch-off retries until the output is confirmed off. */
    private boolean keptForSwitchOff;
    /** Its protocol's expected duration from the start: the ETA while it waits. */
    private RunnerStatus.Remaining wholeProtocol;

    CellState(ScheduledCell cell) {
        this.cell = cell;
    }

    ScheduledCell cell() {
        return cell;
    }

    String id() {
        return cell.info().id();
    }

    /** Counted down when the cell's thread is done with it, whatever happened. */
    CountDownLatch ended() {
        return ended;
    }

    /** Holds {@code source}; {@code journal} hears the journaled holds when they changed. */
    void hold(String source, String reason, Consumer<Map<String, String>> journal) {
        lock.lock();
        try {
            if (runner != null) {
                runner.hold(source, reason);
            } else {
                earlyHolds.put(source, reason);
            }
            if (!HoldSources.isInterlock(source)) {
                String was = journaledHolds.put(source, reason == null ? "" : reason);
                if (!journaledHolds.get(source).equals(was)) {
                    journal.accept(new LinkedHashMap<>(journaledHolds));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the hold of {@code source}; {@code journal} hears the journaled holds when they changed. */
    void release(String source, Consumer<Map<String, String>> journal) {
        lock.lock();
        try {
            if (runner != null) {
                runner.release(source);
            } else {
                earlyHolds.remove(source);
            }
            if (journaledHolds.remove(source) != null) {
                journal.accept(new LinkedHashMap<>(journaledHolds));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Holds the journal kept from before an interruption: the cell starts paused. */
    void restoreHolds(Map<String, String> holds) {
        write(() -> {
            journaledHolds.putAll(holds);
            earlyHolds.putAll(holds);
        });
    }

    /** The cell's runner exists: it gets the holds asked for so far, and every later one. */
    void started(CellRunner r) {
        write(() -> {
            runner = r;
            waitingFor = null;
            earlyHolds.forEach(r::hold);
            earlyHolds.clear();
        });
    }

    /** Asks the cell to stop; returns its runner to stop, or null when it has not started. */
    CellRunner requestStop() {
        return locked(() -> {
            stopRequested = true;
            return runner;
        });
    }

    boolean stopRequested() {
        return locked(() -> stopRequested);
    }

    CellRunner runner() {
        return locked(() -> runner);
    }

    void waitingFor(String what) {
        write(() -> waitingFor = what);
    }

    void endedBeforeStart(Outcome outcome) {
        write(() -> endedBeforeStart = outcome);
    }

    void wiredTo(Wiring.Named channel) {
        write(() -> wiredTo = channel);
    }

    Wiring.Named wiredTo() {
        return locked(() -> wiredTo);
    }

    void cannotResume(String why) {
        write(() -> cannotResume = why);
    }

    String cannotResume() {
        return locked(() -> cannotResume);
    }

    void keepForSwitchOff() {
        write(() -> keptForSwitchOff = true);
    }

    boolean keptForSwitchOff() {
        return locked(() -> keptForSwitchOff);
    }

    /**
     * The status of a cell without a runner: ended before it started, or waiting (with its
     * whole protocol's expected duration); null while neither (between its start and its runner).
     */
    RunnerStatus statusBeforeStart(int plannedSteps, Supplier<RunnerStatus.Remaining> whole) {
        lock.lock();
        try {
            if (endedBeforeStart != null) {
                return RunnerStatus.endedBeforeStart(endedBeforeStart, plannedSteps);
            }
            if (waitingFor == null) {
                return null;
            }
            if (wholeProtocol == null) {
                wholeProtocol = whole.get();
            }
            return RunnerStatus.waiting(waitingFor, plannedSteps, wholeProtocol);
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> field) {
        lock.lock();
        try {
            return field.get();
        } finally {
            lock.unlock();
        }
    }

    private void write(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}
