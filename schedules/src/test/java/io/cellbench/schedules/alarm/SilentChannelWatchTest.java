package io.cellbench.schedules.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.runner.RunnerStatus.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watchdog's rule, on a clock the test moves; SilentChannelTest (cli) has a real channel that hangs. */
class SilentChannelWatchTest {
    private final TestClock clock = new TestClock();
    private final Map<String, RunnerStatus> statuses = new LinkedHashMap<>();
    private final List<RunEvent> recorded = new ArrayList<>();
    private final KeptAlarms kept = new KeptAlarms();
    private final List<Alarm> sent = kept.sent;
    private final AlarmDispatcher dispatcher = kept.dispatcher(clock);
    private final SilentChannelWatch watch = new SilentChannelWatch(() -> statuses, id -> Duration.ofSeconds(2), 5,
            clock, recorded::add, dispatcher);

    private static RunnerStatus status(State state, double testTime) {
        return new RunnerStatus(state, "Charge at 1C until 4.2 V", 3, 3, 10, 1, 3.9, 0.002, 100, testTime, null,
                List.of(), "");
    }

    @Test
    void aChannelWithoutASampleForFivePeriodsRaisesOneAlarmAndItsRecoveryIsRecorded() {
        statuses.put("c1", status(State.RUNNING, 100));
        statuses.put("eis", status(State.MEASURING_IMPEDANCE, 100));
        watch.check();
        for (int s = 1; s < 10; s++) {
            clock.advance(Duration.ofSeconds(1));
            watch.check();
        }
        assertTrue(recorded.isEmpty(), "9 s < 5 periods of 2 s: " + recorded);
        clock.advance(Duration.ofSeconds(1));
        watch.check();
        clock.advance(Duration.ofSeconds(30));
        watch.check();
        assertEquals(1, recorded.size(), "one alarm, however long the silence: " + recorded);
        RunEvent.Notice n = (RunEvent.Notice) recorded.getFirst();
        assertEquals("c1", n.cellId());
        assertEquals(RunEvent.Severity.ALARM, n.severity());
        assertTrue(n.message().startsWith("channel silent: no sample for 10.0 s (5 sample periods of 2.000 s) in step 3"),
                n.message());

        statuses.put("c1", status(State.RUNNING, 140));
        clock.advance(Duration.ofSeconds(1));
        watch.check();
        assertEquals(2, recorded.size());
        assertTrue(((RunEvent.Notice) recorded.get(1)).message().startsWith("channel answers again after 41.0 s"),
                recorded.get(1).toString());
        dispatcher.close();
        assertEquals(List.of(Alarm.Kind.SILENT_CHANNEL), sent.stream().map(Alarm::kind).toList(),
                "an impedance sweep takes no samples and is not silent");
    }

    @Test
    void aPausedCellIsSampledAndWatchedAnEndedOneIsNot() {
        statuses.put("paused", status(State.PAUSED, 100));
        statuses.put("ended", status(State.ENDED, 100));
        watch.check();
        clock.advance(Duration.ofSeconds(10));
        watch.check();
        assertEquals(1, recorded.size(), recorded.toString());
        assertEquals("paused", recorded.getFirst().cellId());
    }

    @Test
    void theAlarmIsDatedWhenSilenceBeganAndACellThatEndsSilentNeverAnswersAgain() {
        // the last sample at 100 s; the next was due at 101 s and never came (the read hangs, then fails)
        RunnerStatus stalled = status(State.RUNNING, 100).with(new RunnerStatus.Health(Double.NaN, "", 101,
                Double.NaN, ""));
        statuses.put("c1", stalled);
        watch.check();
        clock.advance(Duration.ofSeconds(12));
        watch.check();
        RunEvent.Notice alarm = (RunEvent.Notice) recorded.getFirst();
        assertEquals(RunEvent.Severity.ALARM, alarm.severity());
        assertEquals(101.0, alarm.testTimeSecond(), "dated when the sample that did not come was due");

        // the runner rides the incident out, then gives up: the cell ends FAULT without another sample
        statuses.put("c1", new RunnerStatus(State.ENDED, "Charge at 1C until 4.2 V", 3, 3, 10, 1, 3.9, 0.002, 160,
                161, RunEvent.Outcome.FAULT, List.of(), ""));
        clock.advance(Duration.ofSeconds(50));
        watch.check();
        assertEquals(2, recorded.size(), recorded.toString());
        RunEvent.Notice end = (RunEvent.Notice) recorded.get(1);
        assertTrue(!end.message().contains("answers again"), end.message());
        assertEquals("channel silent until the cell ended (FAULT), 62.0 s without a sample", end.message());
        assertEquals(RunEvent.Severity.INFO, end.severity());
    }
}
