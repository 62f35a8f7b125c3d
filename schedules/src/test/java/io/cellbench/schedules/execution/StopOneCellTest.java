package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cellbench stop DIR --cell ID}: one cell ends, running or still waiting; the others go on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StopOneCellTest {
    @TempDir
    Path dir;

    @Test
    void aWaitingCellStoppedDoesNotStartAndTheOthersGoOn() throws Exception {
        String yaml = "pools:\n  bank: [bank/1]\ncells:\n"
                + "  - id: c1\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n    pool: bank\n"
                + "  - id: c2\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n    pool: bank\n"
                + "  - id: c3\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n    pool: bank\n";
        Schedule schedule = TestLab.schedule(dir, yaml, ChannelPoolTest.REST);
        TestLab lab = new TestLab();
        lab.gate("c1");
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                outcomes.set(runner.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TestLab.until(() -> runner.statuses().size() == 3 && runner.statuses().get("c2").state()
                == RunnerStatus.State.WAITING, "c2 waits for the channel c1 holds");

        assertFalse(runner.stop("c9"), "not a cell of the schedule");
        assertTrue(runner.stop("c2"));
        TestLab.until(() -> runner.statuses().get("c2").state() == RunnerStatus.State.ENDED, "c2 ends");
        assertEquals(Outcome.STOPPED, runner.statuses().get("c2").outcome());

        lab.letGo("c1");
        t.join(20_000);
        assertEquals(Map.of("c1", Outcome.COMPLETED, "c2", Outcome.STOPPED, "c3", Outcome.COMPLETED), outcomes.get());
        assertFalse(lab.log.stream().anyMatch(l -> l.startsWith("open c2")), "c2 never got a channel: " + lab.log);
    }
}
