package io.cellbench.schedules.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmEventsTest {
    private final TestClock clock = new TestClock();
    private final KeptAlarms kept = new KeptAlarms();
    private final List<Alarm> sent = kept.sent;
    private final AlarmDispatcher dispatcher = kept.dispatcher(clock);
    private final AlarmEvents events = new AlarmEvents(dispatcher, clock);

    @Test
    void aTripIsOneAlarmThoughTheRunnerReportsItTwice() {
        String text = "safety limit: voltage 4.61 V above 4.5 V";
        events.on(new RunEvent.Notice("c1", 10, Severity.ALARM, text));
        events.on(new RunEvent.RunEnded("c1", 10, RunEvent.Outcome.SAFETY_TRIP, text));
        events.on(new RunEvent.Notice("c2", 20, Severity.ALARM, "cannot open instruments: port busy"));
        events.on(new RunEvent.StepStarted("c2", 20, 2, 2, 1, "Rest for 1 minute"));
        events.on(new RunEvent.RunEnded("c3", 30, RunEvent.Outcome.COMPLETED, "all steps completed"));
        events.on(new RunEvent.Notice("c4", 40, Severity.WARNING,
                "paused (operator: crimp check): the channel rests at open circuit; step time stays at 12 s"));
        events.on(new RunEvent.Notice("c4", 41, Severity.WARNING, "a warning is no alarm"));
        events.on(new RunEvent.Notice("c5", 50, Severity.ALARM, "reconnect failed"));
        clock.advance(Duration.ofSeconds(1));
        events.tick();
        dispatcher.close();
        assertEquals(List.of("safety_trip c1", "alarm c2", "completed c3", "paused c4", "alarm c5"),
                sent.stream().map(a -> a.kind().label() + " " + a.cellId()).toList());
        assertEquals(Severity.INFO, sent.get(2).severity());
    }
}
