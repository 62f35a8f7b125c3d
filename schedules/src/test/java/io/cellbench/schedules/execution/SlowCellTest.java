package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.journal.RunJournal;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A slow instrument or sink never delays another channel": one cell is stuck (its channel's
 * read, or its events' way to a second sink, blocks), and every other cell runs its whole
 * protocol meanwhile, through the real run directory and journal, with all its samples on
 * disk. Progress, not timing: the stuck cell is released only after the others have ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowCellTest {
    static final Map<String, String> REST = Map.of("rest.yaml", "name: rest\nsteps:\n  - Rest for 10 min\n");
    static final List<String> OTHERS = List.of("c2", "c3", "c4");

    @TempDir
    Path tmp;

    private Schedule schedule() throws Exception {
        StringBuilder yaml = new StringBuilder("cells:\n");
        for (String id : List.of("c1", "c2", "c3", "c4")) {
            yaml.append("  - id: ").append(id).append("\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n");
        }
        return TestLab.schedule(Files.createDirectories(tmp.resolve("inputs")), yaml.toString(), REST);
    }

    @Test
    void aCellWhoseInstrumentHangsDelaysNoOtherCell() throws Exception {
        TestLab lab = new TestLab();
        lab.gate("c1"); // c1's channel does not answer until let go
        runWithOneCellStuck(lab, e -> { }, () -> lab.letGo("c1"));
    }

    @Test
    void aCellWhoseSecondSinkBlocksDelaysNoOtherCell() throws Exception {
        CountDownLatch slowDisk = new CountDownLatch(1);
        // The second sink (as InfluxDB behind the run directory) hangs on c1's samples only.
        RunListener slow = e -> {
            if (e instanceof RunEvent.SampleRecorded && e.cellId().equals("c1")) {
                try {
                    if (!slowDisk.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let c1's sink go on");
                    }
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        runWithOneCellStuck(new TestLab(), slow, slowDisk::countDown);
    }

    private void runWithOneCellStuck(TestLab lab, RunListener second, Runnable unstick) throws Exception {
        Path run = tmp.resolve("run");
        RunInfo info = new RunInfo("run-slow", Instant.ofEpochSecond((long) TestLab.T0), "test");
        Map<String, Outcome> outcomes;
        try (RunDirectorySink sink = RunDirectorySink.open(run, info)) {
            RunListener tee = e -> { // the run directory first, then the second sink, as the command line tees them
                sink.on(e);
                second.on(e);
            };
            ScheduleRunner runner = new ScheduleRunner(schedule(), lab, tee,
                    new RunJournal(run, sink::flush, InstrumentState.NONE, 1024, Map.of()));
            AtomicReference<Map<String, Outcome>> out = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    out.set(runner.run());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            TestLab.until(() -> OTHERS.stream().allMatch(id -> runner.statuses().get(id) != null
                    && runner.statuses().get(id).state() == RunnerStatus.State.ENDED), "the other cells to end");
            RunnerStatus stuck = runner.statuses().get("c1");
            assertTrue(stuck.state() != RunnerStatus.State.ENDED && stuck.testTimeSecond() < 600,
                    "c1 is still stuck while the others ran 10 min of test time: " + stuck);
            try (RunReader reader = RunReader.open(run)) {
                for (String id : OTHERS) {
                    int[] n = {0};
                    reader.samples(id, s -> n[0]++);
                    assertTrue(n[0] >= 11, id + " recorded its rest while c1 was stuck: " + n[0] + " samples on disk");
                }
            }
            unstick.run();
            t.join(30_000);
            outcomes = out.get();
        }
        assertEquals(Map.of("c1", Outcome.COMPLETED, "c2", Outcome.COMPLETED, "c3", Outcome.COMPLETED,
                "c4", Outcome.COMPLETED), outcomes);
    }
}
