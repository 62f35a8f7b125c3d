package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.schedules.alarm.Alarm;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.alarm.RunAlarms;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The silent-channel watchdog on a real-clock simulated run in which one cell's cycler
 * channel stops answering (its read blocks, as a driver waiting on a dead USB adapter would):
 * that cell raises the alarm (recorded, and sent through the notify command), the other goes
 * on untouched, and when the channel answers again that is recorded too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SilentChannelTest {
    @TempDir
    Path tmp;

    @Test
    void aChannelThatStopsAnsweringRaisesTheSilentChannelAlarm() throws Exception {
        Schedule schedule = ScheduleLoader.load(ShortRun.write(tmp.resolve("in")));
        CountDownLatch answerAgain = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        SimulatedInstruments simulated = new SimulatedInstruments(System.currentTimeMillis() / 1000.0, 50);
        List<RunEvent> recorded = new CopyOnWriteArrayList<>();
        RunListener record = recorded::add;
        Path alarms = tmp.resolve("alarms.jsonl");
        Path script = tmp.resolve("alarm.sh");
        Files.writeString(script, "#!/bin/sh\ncat >> '" + alarms + "'\n");
        NotifyConfig notify = new NotifyConfig("test", List.of("/bin/sh", script.toString()), Duration.ofSeconds(10),
                null, Set.of(Alarm.Kind.values()), Duration.ofMinutes(10), 3, Duration.ofMillis(100),
                5, Duration.ofSeconds(3));
        RunAlarms runAlarms = new RunAlarms(notify, Map.of("run_id", "silent-test"), record, InstantSource.system());
        RunListener listener = e -> {
            record.on(e);
            runAlarms.listener().on(e);
        };
        ScheduleRunner runner = new ScheduleRunner(schedule, cell -> {
            CellInstruments real = simulated.open(cell);
            if (!cell.info().id().equals("coin-2")) {
                return real;
            }
            CyclerChannel hanging = new HangingChannel(real.channel(), reads, 100, answerAgain);
            return new CellInstruments(real.clock(), hanging, real.eisAnalyzer(), real.muxChannel(),
                    real.pressureFixture(), real.chamber(), real.owned());
        }, listener);
        // ShortRun samples every simulated second: 20 ms at speed 50; the floor (3 s / 5) decides,
        // long enough that a busy machine's hiccup does not make the healthy channel silent.
        runAlarms.watch(runner::statuses, id -> Duration.ofMillis(20));
        Thread running = Thread.ofPlatform().start(() -> {
            try {
                runner.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            waitFor(() -> notice(recorded, "coin-2", "channel silent: no sample for "), "coin-2 silent");
            double coin1 = runner.statuses().get("coin-1").testTimeSecond();
            waitFor(() -> runner.statuses().get("coin-1").testTimeSecond() > coin1 + 20, "coin-1 goes on");
            assertTrue(!notice(recorded, "coin-1", "channel silent"), "the other channel is not silent");
            waitFor(() -> read(alarms).contains("\"kind\":\"silent_channel\",\"cell_id\":\"coin-2\""),
                    "the notify command hears of it");

            answerAgain.countDown();
            waitFor(() -> notice(recorded, "coin-2", "channel answers again after "), "coin-2 answers again");
        } finally {
            answerAgain.countDown();
            runner.stop();
            running.join(30_000);
            runAlarms.close();
        }
        assertTrue(read(alarms).contains("\"kind\":\"stopped\",\"cell_id\":\"coin-1\""), read(alarms));
    }

    /** Answers {@code answered} reads, then blocks every read until {@code release}. */
    private static final class HangingChannel extends io.cellbench.doubles.ForwardingCyclerChannel {
        private final AtomicInteger reads;
        private final int answered;
        private final CountDownLatch release;

        HangingChannel(CyclerChannel inner, AtomicInteger reads, int answered, CountDownLatch release) {
            super(inner);
            this.reads = reads;
            this.answered = answered;
            this.release = release;
        }

        @Override
        public ChannelReading read() {
            if (reads.incrementAndGet() > answered) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.read();
        }
    }

    private static boolean notice(List<RunEvent> events, String cell, String start) {
        return events.stream().anyMatch(e -> e instanceof RunEvent.Notice n && n.cellId().equals(cell)
                && n.message().startsWith(start));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "not within 60 s: " + what);
            Thread.sleep(20);
        }
    }
}
