package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** More cells than channels: cells queue for a pool's channels in schedule order; start conditions are kept. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelPoolTest {
    static final Map<String, String> REST = Map.of("rest.yaml", "name: rest\nsteps:\n  - Rest for 10 s\n");

    @TempDir
    Path dir;

    private static String cell(String id, String extra) {
        return "  - id: " + id + "\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n" + extra;
    }

    @Test
    void fiveCellsShareTwoChannelsFirstComeFirstServed() throws Exception {
        StringBuilder yaml = new StringBuilder("pools:\n  bank: [bank/1, bank/2]\ncells:\n");
        for (int i = 1; i <= 5; i++) {
            yaml.append(cell("c" + i, "    pool: bank\n"));
        }
        Schedule schedule = TestLab.schedule(dir, yaml.toString(), REST);
        TestLab lab = new TestLab();
        lab.gate("c1");
        lab.gate("c2");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);

        // c1 and c2 hold both channels (their reads are held back): the others wait, in order.
        TestLab.until(() -> runner.statuses().size() == 5 && runner.statuses().values().stream()
                .filter(s -> s.state() == RunnerStatus.State.WAITING).count() == 3, "three waiting cells");
        Map<String, RunnerStatus> s = runner.statuses();
        assertEquals("a free channel of pool bank (0 cells ahead; in use by c1, c2)", s.get("c3").waitingFor());
        assertEquals("a free channel of pool bank (1 cell ahead; in use by c1, c2)", s.get("c4").waitingFor());
        assertEquals("a free channel of pool bank (2 cells ahead; in use by c1, c2)", s.get("c5").waitingFor());
        assertEquals(List.of("waiting for a free channel of pool bank (2 cells ahead; in use by c1, c2)"),
                events.notices("c5"));

        lab.letGo("c2"); // c2 ends first: its channel goes to c3, the first in the queue
        TestLab.until(() -> lab.log.contains("open c3 on bank/2"), "c3 on c2's channel");
        lab.letGo("c1");
        t.join(20_000);

        assertEquals(Map.of("c1", Outcome.COMPLETED, "c2", Outcome.COMPLETED, "c3", Outcome.COMPLETED,
                "c4", Outcome.COMPLETED, "c5", Outcome.COMPLETED), outcomes.get());
        assertEquals(2, lab.maxOpen.get());
        List<String> opens = lab.log.stream().filter(l -> l.startsWith("open")).map(l -> l.substring(5, 7)).toList();
        // Channels are granted in queue order; two cells granted at once open on their own
        // threads, so only the order between grants that cannot coincide is fixed.
        assertEquals(java.util.Set.of("c1", "c2"), java.util.Set.copyOf(opens.subList(0, 2)), opens.toString());
        assertEquals("c3", opens.get(2), opens.toString());
        assertEquals(java.util.Set.of("c4", "c5"), java.util.Set.copyOf(opens.subList(3, 5)), opens.toString());
        // Every channel went back to the pool: the last cells used both.
        assertTrue(lab.log.contains("open c1 on bank/1") && lab.log.contains("open c2 on bank/2"), lab.log.toString());
        List<String> c5 = events.notices("c5");
        assertTrue(c5.get(1).matches("got channel bank/[12] of pool bank after waiting \\d+\\.\\d s"), c5.toString());
    }

    @Test
    void startAfterAndStartAtAreKept() throws Exception {
        Instant at = Instant.ofEpochSecond((long) TestLab.T0 + 3600);
        Schedule schedule = TestLab.schedule(dir, "cells:\n"
                + cell("c1", "    channel: smu-1\n")
                + cell("c2", "    channel: smu-1\n    start: {after: c1}\n")
                + cell("c3", "    start: {at: " + at + "}\n"), REST);
        TestLab lab = new TestLab();
        lab.gate("c1");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);
        TestLab.until(() -> runner.statuses().containsKey("c2"), "c2's status");
        assertEquals(RunnerStatus.State.WAITING, runner.statuses().get("c2").state());
        assertEquals("cell c1 to end", runner.statuses().get("c2").waitingFor());
        lab.letGo("c1");
        t.join(20_000);

        assertEquals(Outcome.COMPLETED, outcomes.get().get("c2"));
        int c1Ended = events.indexOf(e -> e instanceof RunEvent.RunEnded r && r.cellId().equals("c1"));
        int c2Started = events.indexOf(e -> e instanceof RunEvent.RunStarted r && r.cellId().equals("c2"));
        assertTrue(c1Ended >= 0 && c1Ended < c2Started, "c2 started before c1 ended");
        assertEquals(List.of("waiting for cell c1 to end", "c1 has ended; cell c2 may start"), events.notices("c2"));
        // c3 waited on its own (virtual) clock until its start time.
        assertEquals(TestLab.T0 + 3600, events.of(RunEvent.RunStarted.class, "c3").get(0).unixTimeSecond(), 1e-6);
        assertEquals(List.of("waiting until " + at + " to start; the channel stays at open circuit"),
                events.notices("c3"));
    }

    @Test
    void aStopEndsWaitingCellsWithoutStartingThem() throws Exception {
        Schedule schedule = TestLab.schedule(dir, "pools:\n  bank: [bank/1]\ncells:\n"
                + cell("c1", "    pool: bank\n") + cell("c2", "    pool: bank\n")
                + cell("c3", "    start: {after: c2}\n"), REST);
        TestLab lab = new TestLab();
        lab.gate("c1");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);
        TestLab.until(() -> runner.statuses().size() == 3, "every cell's status");
        runner.stop();
        lab.letGo("c1");
        t.join(20_000);
        assertEquals(Map.of("c1", Outcome.STOPPED, "c2", Outcome.STOPPED, "c3", Outcome.STOPPED), outcomes.get());
        assertEquals(List.of(), events.of(RunEvent.RunStarted.class, "c2"));
        assertEquals("stopped before it started", events.of(RunEvent.RunEnded.class, "c3").get(0).message());
        assertEquals(RunnerStatus.State.ENDED, runner.statuses().get("c3").state());
        assertEquals(Outcome.STOPPED, runner.statuses().get("c3").outcome());
    }

    @Test
    void aCellHeldBeforeItStartsStartsPaused() throws Exception {
        Schedule schedule = TestLab.schedule(dir, "cells:\n" + cell("c1", "    channel: smu-1\n")
                + cell("c2", "    channel: smu-1\n    start: {after: c1}\n"), REST);
        TestLab lab = new TestLab();
        lab.gate("c1");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        assertTrue(runner.hold("c2", "operator", "check the crimp first"));
        assertTrue(!runner.hold("c9", "operator", "no such cell"));
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);
        lab.letGo("c1");
        TestLab.until(() -> runner.statuses().get("c2") != null
                && runner.statuses().get("c2").state() == RunnerStatus.State.PAUSED, "c2 paused");
        assertEquals(List.of("operator: check the crimp first"), runner.statuses().get("c2").holds());
        runner.release("c2", "operator");
        t.join(20_000);
        assertEquals(Outcome.COMPLETED, outcomes.get().get("c2"));
        assertTrue(events.notices("c2").stream().anyMatch(n -> n.startsWith("resumed after a pause of")),
                events.notices("c2").toString());
    }
}
