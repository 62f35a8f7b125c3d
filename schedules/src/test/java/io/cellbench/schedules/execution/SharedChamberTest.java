package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three cells in one chamber: a temperature step moves the chamber only when every running cell in it is ready. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedChamberTest {
    static final Map<String, String> PROTOCOLS = Map.of(
            "warm.yaml", "name: warm\nsteps:\n  - Rest for 10 s\n  - Set temperature to 45 °C\n  - Rest for 10 s\n",
            "cold.yaml", "name: cold\nsteps:\n  - Rest for 10 s\n  - Set temperature to 10 °C\n  - Rest for 10 s\n",
            "rest.yaml", "name: rest\nsteps:\n  - Rest for 10 s\n");

    @TempDir
    Path dir;

    private static String cell(String id, String protocol) {
        return "  - id: " + id + "\n    nominal_capacity: 2 mAh\n    protocol: " + protocol + "\n    chamber: oven-1\n";
    }

    @Test
    void theChamberMovesWhenEveryRunningCellIsReadyAndAnEndedCellNoLongerCounts() throws Exception {
        Schedule schedule = TestLab.schedule(dir, "cells:\n" + cell("a", "warm.yaml") + cell("b", "warm.yaml")
                + cell("c", "rest.yaml"), PROTOCOLS);
        TestLab lab = new TestLab();
        lab.gate("b");
        lab.gate("c");
        // b's own set of the chamber takes a while after its arrival let a go on: b's StepStarted
        // must still come before a's "waited", as b's arrival is what a waited for
        lab.chamber.setNanos = TimeUnit.MILLISECONDS.toNanos(300);
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);

        // a reaches its temperature step first: it rests and waits for b (not there yet) and c (still running).
        TestLab.until(() -> runner.statuses().get("a") != null
                && runner.statuses().get("a").state() == RunnerStatus.State.WAITING, "a waiting");
        assertEquals("the other cells in chamber oven-1 to reach a step to 45 °C (not yet: b, c)",
                runner.statuses().get("a").waitingFor());
        assertEquals(List.of(), lab.chamber.sets);
        lab.letGo("c"); // c ends without a temperature step: it leaves the chamber
        TestLab.until(() -> runner.statuses().get("a").waitingFor().endsWith("(not yet: b)"), "c gone");
        assertEquals(List.of(), lab.chamber.sets);
        lab.letGo("b");
        t.join(20_000);

        assertEquals(Map.of("a", Outcome.COMPLETED, "b", Outcome.COMPLETED, "c", Outcome.COMPLETED), outcomes.get());
        assertEquals(List.of(45.0, 45.0), lab.chamber.sets);
        assertEquals(List.of(45.0), runner.chamberBarriers().get("oven-1").rounds());
        int bArrived = events.indexOf(e -> e instanceof RunEvent.StepStarted s && s.cellId().equals("b")
                && s.stepIndex() == 2);
        int aGoesOn = events.indexOf(e -> e instanceof RunEvent.Notice n && n.cellId().equals("a")
                && n.message().startsWith("waited"));
        assertTrue(bArrived >= 0 && bArrived < aGoesOn, "a went on before b had reached its temperature step");
        List<String> a = events.notices("a");
        assertEquals("waiting for the other cells in chamber oven-1 to reach a step to 45 °C (not yet: b, c);"
                + " the channel rests at open circuit", a.get(0));
        assertTrue(a.get(1).matches("waited \\d+(\\.\\d+)? s for the other cells in chamber oven-1 to reach a step"
                + " to 45 °C"), a.toString());
        // b came last: it did not wait.
        assertEquals(List.of(), events.notices("b"));
    }

    @Test
    void cellsAskingForDifferentTemperaturesInOneChamberCannotGoOn() throws Exception {
        Schedule schedule = TestLab.schedule(dir, "cells:\n" + cell("a", "warm.yaml") + cell("b", "cold.yaml"),
                PROTOCOLS);
        TestLab lab = new TestLab();
        lab.gate("b");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);
        TestLab.until(() -> runner.statuses().get("a") != null
                && runner.statuses().get("a").state() == RunnerStatus.State.WAITING, "a waiting");
        lab.letGo("b");
        t.join(20_000);
        assertEquals(Outcome.COMPLETED, outcomes.get().get("a"));
        assertEquals(Outcome.FAULT, outcomes.get().get("b"));
        assertTrue(events.of(RunEvent.RunEnded.class, "b").get(0).message().startsWith(
                "chamber oven-1: this cell asks for 10 °C while cell a asks for 45 °C"),
                events.of(RunEvent.RunEnded.class, "b").get(0).message());
        assertEquals(List.of(45.0), lab.chamber.sets);
    }
}
