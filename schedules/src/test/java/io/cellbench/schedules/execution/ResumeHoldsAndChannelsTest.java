package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunJournal;
import io.cellbench.schedules.journal.SchedulerEntry;
import io.cellbench.schedules.runner.HoldSources;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal keeps of the scheduler's decisions across a resume, on virtual clocks:
 * an operator's pause (a paused cell resumes paused; interlocks' holds are not kept) and the
 * pool channel a cell was given (it is wired there: a resumed cell goes back to it, or does
 * not start when its pool no longer has it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResumeHoldsAndChannelsTest {
    static final Map<String, String> REST = Map.of("rest.yaml", "name: rest\nsteps:\n  - Rest for 10 min\n");

    @TempDir
    Path tmp;

    private static String cell(String id, String extra) {
        return "  - id: " + id + "\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n" + extra;
    }

    private Schedule schedule(String name, String yaml) throws IOException {
        Path inputs = Files.createDirectories(tmp.resolve(name));
        return TestLab.schedule(inputs, yaml, REST);
    }

    private static Thread start(ScheduleRunner runner, AtomicReference<Map<String, Outcome>> out) {
        return Thread.ofPlatform().start(() -> {
            try {
                out.set(runner.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The journal as `cellbench resume` reads it: the positions of the cells that did not finish. */
    private Map<String, JournalEntry> positions(Path run, String... ids) throws IOException {
        Map<String, JournalEntry> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, JournalFiles.readEntry(run, id).orElseThrow());
        }
        return out;
    }

    private static RunJournal journal(Path run, Map<String, JournalEntry> resume) {
        return new RunJournal(run, id -> { }, InstrumentState.NONE, 1024, resume);
    }

    @Test
    void aCellPausedByTheOperatorResumesPausedAndAnInterlocksHoldIsNotKept() throws Exception {
        Path run = tmp.resolve("run");
        Schedule schedule = schedule("in", "cells:\n" + cell("c1", "    channel: smu-1\n"));
        TestLab lab = new TestLab();
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner first = new ScheduleRunner(schedule, lab, events, journal(run, Map.of()));
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        assertTrue(first.hold("c1", "operator", "checking the crimp"));
        assertTrue(first.hold("c1", HoldSources.PRESSURE_INTERLOCK, "pressure 3.5 MPa is outside 5 MPa ± 1 MPa"));
        Thread t = start(first, outcomes);
        TestLab.until(() -> first.statuses().get("c1") != null
                && first.statuses().get("c1").state() == RunnerStatus.State.PAUSED, "c1 paused");
        SchedulerEntry kept = JournalFiles.readScheduler(run, "c1").orElseThrow();
        assertEquals(Map.of("operator", "checking the crimp"), kept.holds(), "journaled before hold() returned");
        first.stop(); // Ctrl-C: the cell stops paused
        t.join(20_000);
        assertEquals(Outcome.STOPPED, outcomes.get().get("c1"));

        TestLab again = new TestLab();
        TestLab.Events resumed = new TestLab.Events();
        ScheduleRunner second = new ScheduleRunner(schedule, again, resumed, journal(run, positions(run, "c1")));
        AtomicReference<Map<String, Outcome>> after = new AtomicReference<>();
        Thread t2 = start(second, after);
        TestLab.until(() -> second.statuses().get("c1") != null
                && second.statuses().get("c1").state() == RunnerStatus.State.PAUSED, "c1 paused after the resume");
        assertEquals(List.of("operator: checking the crimp"), second.statuses().get("c1").holds(),
                "the operator's hold is back; the interlock's is not (it re-arms from its readings)");
        List<String> notices = resumed.notices("c1");
        assertEquals("held since before the interruption (operator: checking the crimp): the cell resumes paused,"
                + " at open circuit, until released", notices.getFirst());
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("paused (operator: checking the crimp)")),
                notices.toString());
        int resumedAt = resumed.indexOf(e -> e instanceof RunEvent.RunStarted r && r.resumed());
        assertTrue(resumedAt > 0, "the notice comes before the resumed run starts");

        second.release("c1", "operator");
        t2.join(20_000);
        assertEquals(Outcome.COMPLETED, after.get().get("c1"));
        assertEquals(Map.of(), JournalFiles.readScheduler(run, "c1").orElseThrow().holds(),
                "the release is journaled too: a later resume starts the cell unheld");
        assertFalse(resumed.of(RunEvent.StepStarted.class, "c1").stream().anyMatch(s -> s.stepCount() == 1),
                "the step was continued, not started again");
    }

    @Test
    void aResumedCellGoesBackToThePoolChannelItIsWiredToOrDoesNotStartWhenThePoolLostIt() throws Exception {
        Path run = tmp.resolve("run");
        String pool = "pools:\n  bank: [bank/1, bank/2]\ncells:\n";
        Schedule schedule = schedule("in", pool + cell("c1", "    pool: bank\n") + cell("c2", "    pool: bank\n"));
        TestLab lab = new TestLab();
        ScheduleRunner first = new ScheduleRunner(schedule, lab, new TestLab.Events(), journal(run, Map.of()));
        // Held, so that both are still on their channels when the run is stopped (a virtual clock is quick).
        first.hold("c1", "bench", "kept on its channel");
        first.hold("c2", "bench", "kept on its channel");
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = start(first, outcomes);
        TestLab.until(() -> first.statuses().values().stream()
                .filter(s -> s.state() == RunnerStatus.State.PAUSED).count() == 2, "both cells paused on their channels");
        assertTrue(lab.log.containsAll(List.of("open c1 on bank/1", "open c2 on bank/2")), lab.log.toString());
        first.stop();
        t.join(20_000);
        assertEquals("bank/1", JournalFiles.readScheduler(run, "c1").orElseThrow().channel());
        assertEquals("bank/2", JournalFiles.readScheduler(run, "c2").orElseThrow().channel());

        // The copy of the schedule was edited: bank/2 left the pool. c2 is wired to it: it must not start elsewhere.
        Schedule lost = schedule("lost", "pools:\n  bank: [bank/1, bank/3]\ncells:\n" + cell("c2", "    pool: bank\n"));
        TestLab nowhere = new TestLab();
        TestLab.Events refused = new TestLab.Events();
        ScheduleRunner edited = new ScheduleRunner(lost, nowhere, refused, journal(run, positions(run, "c2")));
        assertEquals(Map.of("c2", Outcome.FAULT), edited.run());
        assertEquals(List.of(), nowhere.log, "no channel was opened for it");
        String why = refused.of(RunEvent.RunEnded.class, "c2").getFirst().message();
        assertEquals("cannot resume: before the interruption the cell ran on channel bank/2 of pool bank, where it is"
                + " wired, and pool bank no longer has that channel (it has bank/1, bank/3); put bank/2 back in the"
                + " pool in the schedule copy in the run directory's inputs, or move the cell and give it that channel",
                why);
        assertEquals(RunnerStatus.State.ENDED, edited.statuses().get("c2").state());

        // Resumed as it was, with a new cell listed first in the same pool: without the journal
        // c0 would take bank/1 and c2 (listed before c1) would get bank/2 only by luck of the order.
        Schedule same = schedule("same", pool + cell("c0", "    pool: bank\n") + cell("c2", "    pool: bank\n")
                + cell("c1", "    pool: bank\n"));
        TestLab again = new TestLab();
        again.gate("c1");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner second = new ScheduleRunner(same, again, events, journal(run, positions(run, "c1", "c2")));
        AtomicReference<Map<String, Outcome>> after = new AtomicReference<>();
        Thread t2 = start(second, after);
        TestLab.until(() -> second.statuses().get("c0") != null
                && second.statuses().get("c0").state() == RunnerStatus.State.WAITING, "c0 waits: both channels are back in use");
        TestLab.until(() -> again.log.containsAll(List.of("open c1 on bank/1", "open c2 on bank/2")),
                "c1 and c2 back on their channels");
        assertTrue(events.notices("c1").contains("back on channel bank/1 of pool bank, where it is wired"),
                events.notices("c1").toString());
        second.release("c1", "bench");
        second.release("c2", "bench");
        again.letGo("c1");
        t2.join(20_000);
        assertEquals(Map.of("c0", Outcome.COMPLETED, "c1", Outcome.COMPLETED, "c2", Outcome.COMPLETED), after.get());
        assertNull(JournalFiles.readScheduler(run, "nobody").orElse(null));
        assertEquals("bank/2", JournalFiles.readScheduler(run, "c2").orElseThrow().channel());
    }

    /**
     * A cell that had started after another one does not wait for it again when both are
     * resumed (the first was stopped by the operator, so it is continued too).
     */
    @Test
    void aResumedCellDoesNotWaitAgainForTheCellItStartedAfter() throws Exception {
        Path run = tmp.resolve("run");
        Schedule schedule = schedule("in", "cells:\n" + cell("c1", "    channel: smu-1\n")
                + cell("c2", "    channel: smu-2\n    start: {after: c1}\n"));
        TestLab lab = new TestLab();
        ScheduleRunner first = new ScheduleRunner(schedule, lab, new TestLab.Events(), journal(run, Map.of()));
        first.hold("c1", "bench", "kept running");
        first.hold("c2", "bench", "kept running");
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = start(first, outcomes);
        TestLab.until(() -> first.statuses().get("c1") != null
                && first.statuses().get("c1").state() == RunnerStatus.State.PAUSED, "c1 paused");
        first.stop("c1"); // 'cellbench stop --cell c1': c1 ends STOPPED, c2 starts
        TestLab.until(() -> first.statuses().get("c2") != null
                && first.statuses().get("c2").state() == RunnerStatus.State.PAUSED, "c2 started and paused");
        first.stop();
        t.join(20_000);
        assertEquals(Map.of("c1", Outcome.STOPPED, "c2", Outcome.STOPPED), outcomes.get());

        TestLab again = new TestLab();
        again.gate("c1"); // c1 cannot end while c2 resumes
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner second = new ScheduleRunner(schedule, again, events, journal(run, positions(run, "c1", "c2")));
        AtomicReference<Map<String, Outcome>> after = new AtomicReference<>();
        Thread t2 = start(second, after);
        TestLab.until(() -> second.statuses().get("c2") != null
                && second.statuses().get("c2").state() == RunnerStatus.State.PAUSED, "c2 resumed (paused: its hold is back)");
        assertTrue(second.statuses().get("c1").state() != RunnerStatus.State.ENDED, "c1 has not ended");
        assertFalse(events.notices("c2").stream().anyMatch(n -> n.startsWith("waiting for cell")),
                events.notices("c2").toString());
        second.release("c1", "bench");
        second.release("c2", "bench");
        again.letGo("c1");
        t2.join(20_000);
        assertEquals(Map.of("c1", Outcome.COMPLETED, "c2", Outcome.COMPLETED), after.get());
    }
}
