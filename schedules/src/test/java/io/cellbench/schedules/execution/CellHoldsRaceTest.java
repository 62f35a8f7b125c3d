package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.runner.HoldSources;
import io.cellbench.schedules.runner.PositionListener;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.testing.Await;
import io.cellbench.testing.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds, releases and a stop from several threads at once, while cells start, wait for the
 * cells they start after, run and end: no hold is lost on its way into a cell that is starting
 * or has not started yet, the status shows exactly the holds left, and the journal's last word
 * on each cell's holds is the state they ended in. Seeded (printed; {@code -Dcellbench.seed}
 * replays each thread's operations, though not the threads' interleaving).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CellHoldsRaceTest {
    private static final int THREADS = 4;
    private static final int OPERATIONS = 400;
    /** Holds every cell from before the run, so that none ends while the threads race. */
    private static final String KEEPER = "bench";
    private static final String STOPPED = "c9";

    @TempDir
    Path tmp;

    /** The last holds journaled per cell; {@link CellJournaling#held} is called one at a time per cell. */
    private static final class HeldJournal implements CellJournaling {
        final Map<String, Map<String, String>> last = new ConcurrentHashMap<>();

        @Override
        public RunPosition resumeFrom(ScheduledCell cell, CellInstruments instruments) {
            return null;
        }

        @Override
        public PositionListener journal(ScheduledCell cell, CellInstruments instruments) {
            return null;
        }

        @Override
        public void held(String cellId, Map<String, String> holds) {
            last.put(cellId, Map.copyOf(holds));
        }
    }

    private static String source(int thread) {
        return thread == 0 ? HoldSources.PRESSURE_INTERLOCK : "operator-" + thread;
    }

    @Test
    void holdsFromManyThreadsEndAsTheLastOperationLeftThem() throws Exception {
        long seed = Seeds.seed("CellHoldsRaceTest");
        StringBuilder yaml = new StringBuilder("cells:\n");
        List<String> first = List.of("c1", "c2", "c3", "c4", STOPPED);
        List<String> second = List.of("c5", "c6", "c7", "c8");
        for (String id : first) {
            yaml.append(cell(id, "smu-" + id, null));
        }
        for (int i = 0; i < second.size(); i++) {
            yaml.append(cell(second.get(i), "smu-" + second.get(i), first.get(i)));
        }
        Schedule schedule = TestLab.schedule(tmp, yaml.toString(),
                Map.of("rest.yaml", "name: rest\nsteps:\n  - Rest for 10 min\n"));
        List<String> cells = new ArrayList<>(first);
        cells.addAll(second);

        TestLab lab = new TestLab();
        // Each read parks its (virtual) thread a moment: a paused cell on a virtual clock never
        // blocks otherwise, and a few of them would keep every carrier thread, so that the cells
        // waiting to start or to end would not get to run at all.
        lab.readNanos = 100_000;
        HeldJournal journal = new HeldJournal();
        // Events are not kept: paused cells sample as fast as their virtual clocks let them.
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, event -> { }, journal);
        for (String id : cells) {
            runner.hold(id, KEEPER, "kept");
        }

        // Each thread owns one source, so the last operation on a (cell, source) is that thread's last one.
        List<Map<String, String>> lastByThread = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
            lastByThread.add(new ConcurrentHashMap<>());
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = random.longs(2 * THREADS).toArray();
        int stopAt = random.nextInt(OPERATIONS);

        // Round 1 races the first wave's start (and c9's stop) with the run starting.
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread run = TestLab.start(runner, outcomes);
        race(runner, cells, lastByThread, seeds, 0, stopAt);
        for (String id : first) {
            Map<String, String> expected = expected(id, lastByThread, true);
            Await.until(() -> id + " shows the holds " + expected.keySet() + "; status " + runner.statuses().get(id),
                    () -> shows(runner.statuses().get(id), expected, id.equals(STOPPED)));
            assertEquals(expected(id, lastByThread, false), journal.last.get(id), id + " journaled");
        }
        for (String id : second) {
            // a cell's status appears once its thread has started waiting for the cell before it
            Await.until(() -> id + " waits for its predecessor; status " + runner.statuses().get(id),
                    () -> runner.statuses().get(id) != null
                            && runner.statuses().get(id).state() == RunnerStatus.State.WAITING);
            assertEquals(expected(id, lastByThread, false), journal.last.get(id), id + " journaled");
        }

        // Round 2 races the second wave's start: the first wave is let go while the threads hold and release.
        Thread letGo = Thread.ofPlatform().start(() -> first.forEach(id -> releaseAll(runner, id)));
        race(runner, second, lastByThread, seeds, THREADS, -1);
        letGo.join();
        for (String id : second) {
            Map<String, String> expected = expected(id, lastByThread, true);
            Await.until(() -> id + " started held by " + expected.keySet() + "; statuses " + runner.statuses(),
                    () -> shows(runner.statuses().get(id), expected, false));
            assertEquals(expected(id, lastByThread, false), journal.last.get(id), id + " journaled");
        }
        for (String id : second) {
            releaseAll(runner, id);
        }
        run.join(Await.HANG_GUARD.toMillis());
        Map<String, Outcome> expectedOutcomes = new LinkedHashMap<>();
        cells.forEach(id -> expectedOutcomes.put(id, id.equals(STOPPED) ? Outcome.STOPPED : Outcome.COMPLETED));
        assertEquals(expectedOutcomes, outcomes.get());
        for (String id : cells) {
            assertEquals(Map.of(), journal.last.get(id), id + ": the releases are journaled too");
        }
    }

    /**
     * {@link #THREADS} threads at once, each holding and releasing its own source on random cells
     * of {@code on}, a few microseconds apart so that they span the cells' start; thread 1 stops
     * {@link #STOPPED} at operation {@code stopAt} (none when negative).
     */
    private static void race(ScheduleRunner runner, List<String> on, List<Map<String, String>> lastByThread,
                             long[] seeds, int round, int stopAt) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
            Map<String, String> held = lastByThread.get(k);
            SplittableRandom random = new SplittableRandom(seeds[round + k]);
            String source = source(k);
            boolean stops = k == 1 && stopAt >= 0;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < OPERATIONS; i++) {
                    String id = on.get(random.nextInt(on.size()));
                    if (random.nextBoolean()) {
                        String reason = "r" + round + "." + i;
                        runner.hold(id, source, reason);
                        held.put(id, reason);
                    } else {
                        runner.release(id, source);
                        held.remove(id);
                    }
                    if (stops && i == stopAt) {
                        runner.stop(STOPPED);
                    }
                    LockSupport.parkNanos(random.nextLong(100_000));
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }

    private static String cell(String id, String channel, String after) {
        return "  - id: " + id + "\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n    channel: " + channel + "\n"
                + (after == null ? "" : "    start: {after: " + after + "}\n");
    }

    /** Source → reason of every hold left on {@code id}; {@code withInterlock}: the interlock's too (it is not journaled). */
    private static Map<String, String> expected(String id, List<Map<String, String>> lastByThread, boolean withInterlock) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(KEEPER, "kept");
        for (int k = 0; k < lastByThread.size(); k++) {
            String reason = lastByThread.get(k).get(id);
            if (reason != null && (withInterlock || !HoldSources.isInterlock(source(k)))) {
                out.put(source(k), reason);
            }
        }
        return out;
    }

    /** The status shows these holds while paused (an ended cell: whatever it showed last is not checked). */
    private static boolean shows(RunnerStatus s, Map<String, String> holds, boolean ended) {
        if (s == null) {
            return false;
        }
        if (ended) {
            return s.state() == RunnerStatus.State.ENDED;
        }
        Set<String> described = new HashSet<>();
        holds.forEach((source, reason) -> described.add(source + ": " + reason));
        return s.state() == RunnerStatus.State.PAUSED && new HashSet<>(s.holds()).equals(described);
    }

    private static void releaseAll(ScheduleRunner runner, String id) {
        runner.release(id, KEEPER);
        for (int k = 0; k < THREADS; k++) {
            runner.release(id, source(k));
        }
    }
}
