package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.session.SessionExtras;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The free-space watch, with the free space injected: below the minimum every cell is paused
 * at open circuit and an ALARM is raised, on the console and in events.jsonl; above the
 * margin the cells go on by themselves. Before, nothing watched the disk: a full disk was
 * found by a failed write.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DiskSpaceWatchTest {
    private static final long GB = 1_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void belowTheMinimumEveryCellPausesAtOpenCircuitWithAnAlarmAndGoesOnOnceThereIsRoom() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        AtomicLong free = new AtomicLong(50 * GB);
        AtomicLong reads = new AtomicLong();
        SessionExtras extras = new SessionExtras(List.of(), GB, () -> {
            reads.incrementAndGet();
            return free.get();
        }, Duration.ofMillis(20));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicReference<ScheduleRunner> runner = new AtomicReference<>();
        AtomicReference<Map<String, RunEvent.Outcome>> outcomes = new AtomicReference<>();
        Thread run = Thread.ofPlatform().start(() -> {
            try {
                outcomes.set(ScheduleSession.runSimulated(ScheduleLoader.load(schedule), dir, 20, 200, console,
                        null, runner::set, null, extras));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        try {
            until(() -> runner.get() != null && states(runner.get()).stream().allMatch(s -> s.state()
                    != RunnerStatus.State.NOT_STARTED && s.testTimeSecond() > 0), "every cell under way");

            free.set(GB / 2); // someone copies a backup onto the lab PC's disk
            until(() -> states(runner.get()).stream().allMatch(s -> s.state() == RunnerStatus.State.PAUSED
                    && s.holds().stream().anyMatch(h -> h.startsWith("disk space: 500 MB free"))
                    && s.currentAmpere() == 0), () -> "every cell paused at open circuit for the disk: "
                    + runner.get().statuses());
            // the console prints alarms at its next look (every 200 ms here)
            String alarm = "cellbench: ALARM: disk space: 500 MB free on the file system of " + dir
                    + ", below 1.0 GB (--min-free-space): every cell is paused at open circuit";
            until(() -> printed.toString(StandardCharsets.UTF_8).contains(alarm),
                    () -> "the ALARM on the console: " + printed.toString(StandardCharsets.UTF_8));
            String out = printed.toString(StandardCharsets.UTF_8);
            assertEquals(1, out.split(java.util.regex.Pattern.quote(alarm), -1).length - 1, "printed once: " + out);
            String events = Files.readString(dir.resolve("events.jsonl"));
            assertTrue(events.lines().anyMatch(l -> l.contains("\"severity\":\"ALARM\"")
                    && l.contains("every cell is paused at open circuit before the disk is full")), events);

            free.set(GB + GB / 10); // above the minimum, but not above the margin: still paused
            long seen = reads.get();
            until(() -> reads.get() > seen + 5, "the watch looked a few more times");
            assertTrue(states(runner.get()).stream().allMatch(s -> s.state() == RunnerStatus.State.PAUSED),
                    "no flapping between the minimum and the margin");

            free.set(2 * GB);
            until(() -> states(runner.get()).stream().noneMatch(s -> s.state() == RunnerStatus.State.PAUSED),
                    "the cells go on by themselves");
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("disk space: 2.0 GB free again"));
            runner.get().stop();
            run.join(60_000);
            assertFalse(run.isAlive());
        } finally {
            if (runner.get() != null) {
                runner.get().stop();
            }
        }
        assertEquals(Map.of("coin-1", RunEvent.Outcome.STOPPED, "coin-2", RunEvent.Outcome.STOPPED,
                "coin-3", RunEvent.Outcome.STOPPED), outcomes.get());
        String events = Files.readString(dir.resolve("events.jsonl"));
        for (String cell : ShortRun.CELLS) {
            assertTrue(events.lines().anyMatch(l -> l.contains("\"cell_id\":\"" + cell + "\"")
                    && l.contains("paused (disk space: 500 MB free")), cell + " paused: " + events);
            assertTrue(events.lines().anyMatch(l -> l.contains("\"cell_id\":\"" + cell + "\"")
                    && l.contains("resumed after a pause of")), cell + " went on: " + events);
        }
        Path holds = dir.resolve("journal/scheduler/coin-1.json");
        assertFalse(Files.exists(holds) && Files.readString(holds).contains("disk space"),
                "the disk's hold is not journaled: a resumed run watches the disk again");
    }

    @Test
    void aRunDoesNotStartWhereTheDiskIsAlreadyBelowTheMinimum() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path dir = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", dir.toString(),
                "--min-free-space", "100000 TB");
        assertEquals(UserErrors.BAD_INPUT, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().contains("free on the file system of " + dir + ": below 100000 TB"), c.err());
        assertFalse(Files.exists(dir), "nothing created");
        assertEquals(UserErrors.BAD_INPUT, Console.run("run", schedule.toString(), "--simulate", "--out",
                dir.toString(), "--min-free-space", "lots").exitCode());
    }

    /** Every cell's status; empty until every cell has one (an empty list would match anything). */
    private static List<RunnerStatus> states(ScheduleRunner r) {
        List<RunnerStatus> all = List.copyOf(r.statuses().values());
        return all.size() == ShortRun.CELLS.size() ? all : List.of(RunnerStatus.waiting("to start", 1));
    }

    private static void until(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, () -> what);
    }

    private static void until(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
