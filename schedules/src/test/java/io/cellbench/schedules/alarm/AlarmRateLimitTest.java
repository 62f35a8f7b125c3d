package io.cellbench.schedules.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmRateLimitTest {
    private final TestClock clock = new TestClock();
    private final AlarmRateLimit limit = new AlarmRateLimit(Duration.ofMinutes(10), clock);

    private Alarm alarm(Alarm.Kind kind, String cell, String text) {
        return Alarm.of(kind, cell, Severity.ALARM, text, clock.instant());
    }

    @Test
    void oneAlarmPerKindAndCellPerWindowAndASummaryOfTheRest() {
        assertEquals(1, limit.admit(alarm(Alarm.Kind.FAULT, "c1", "first")).size());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limit.admit(alarm(Alarm.Kind.FAULT, "c1", "second")).isEmpty(), "held back within 10 min");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limit.admit(alarm(Alarm.Kind.FAULT, "c1", "third")).isEmpty());
        // Another cell, another kind: their own windows.
        assertEquals(1, limit.admit(alarm(Alarm.Kind.FAULT, "c2", "other cell")).size());
        assertEquals(1, limit.admit(alarm(Alarm.Kind.SILENT_CHANNEL, "c1", "other kind")).size());

        clock.advance(Duration.ofMinutes(8).minusSeconds(1));
        assertTrue(limit.expired().isEmpty(), "9 min 59 s after the first: the window is still open");
        clock.advance(Duration.ofSeconds(1));
        List<Alarm> summaries = limit.expired();
        assertEquals(1, summaries.size(), summaries.toString());
        Alarm s = summaries.getFirst();
        assertEquals(Alarm.Kind.FAULT, s.kind());
        assertEquals("c1", s.cellId());
        assertEquals(2, s.suppressed());
        assertTrue(s.message().startsWith("2 more fault alarms for cell c1 held back since 2026-12-05T20:00:00Z"),
                s.message());
        assertTrue(s.message().endsWith("the last: third"), s.message());

        assertEquals(1, limit.admit(alarm(Alarm.Kind.FAULT, "c1", "fourth")).size(), "a new window");
        assertTrue(limit.expired().isEmpty(), "the summary went out once");
    }

    @Test
    void anAlarmAfterAnExpiredWindowBringsItsSummaryAlongAndTheEndFlushesTheRest() {
        limit.admit(alarm(Alarm.Kind.SAFETY_TRIP, "c1", "a"));
        limit.admit(alarm(Alarm.Kind.SAFETY_TRIP, "c1", "b"));
        clock.advance(Duration.ofMinutes(11));
        List<Alarm> sent = limit.admit(alarm(Alarm.Kind.SAFETY_TRIP, "c1", "c"));
        assertEquals(2, sent.size());
        assertEquals(1, sent.get(0).suppressed());
        assertEquals("c", sent.get(1).message());

        limit.admit(alarm(Alarm.Kind.SAFETY_TRIP, "c1", "d"));
        List<Alarm> end = limit.flush();
        assertEquals(1, end.size(), "the run's end sends what is held, window open or not");
        assertEquals(1, end.getFirst().suppressed());
        assertTrue(limit.flush().isEmpty());
    }
}
