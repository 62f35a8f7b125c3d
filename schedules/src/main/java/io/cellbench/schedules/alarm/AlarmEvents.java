package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a run's events into alarms: a cell's end (completed, tripped, faulted, stopped) and
 * every pause (by the operator or an
 * interlock) and every other alarm-severity notice. A runner reports its end as an alarm notice followed by
 * the end with the same text; that is one alarm, not two, so an alarm notice waits for the
 * cell's next event (or {@link #tick()}) before it is raised on its own.
 */
public final class AlarmEvents implements RunListener {
    /** How a runner's notice of a pause begins (the runner's Sampler writes it, for any hold). */
    static final String PAUSED = "paused (";

    private final AlarmDispatcher alarms;
    private final InstantSource clock;
    private final Map<String, RunEvent.Notice> waiting = new ConcurrentHashMap<>();
    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();

    public AlarmEvents(AlarmDispatcher alarms, InstantSource clock) {
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public void on(RunEvent event) {
        String cell = event.cellId();
        if (event instanceof RunEvent.RunEnded end) {
            RunEvent.Notice before = waiting.remove(cell);
            waitingSince.remove(cell);
            if (before != null && !before.message().equals(end.message())) {
                raise(before);
            }
            // A stop the cell's own alarm notice announced (its data could not be written) stays an alarm.
            Severity severity = before != null && before.severity() == Severity.ALARM ? Severity.ALARM
                    : severityOf(end.outcome());
            alarms.raise(Alarm.of(kindOf(end.outcome()), cell, severity, end.message(), clock.instant()));
            return;
        }
        flush(cell);
        if (event instanceof RunEvent.Notice n && n.message().startsWith(PAUSED)) {
            alarms.raise(Alarm.of(Alarm.Kind.PAUSED, cell, n.severity(), n.message(), clock.instant()));
        } else if (event instanceof RunEvent.Notice n && n.severity() == Severity.ALARM) {
            waiting.put(cell, n);
            waitingSince.put(cell, clock.instant());
        }
    }

    /** Raises the alarm notices that have waited for a second or more. */
    public void tick() {
        Instant old = clock.instant().minusSeconds(1);
        waitingSince.forEach((cell, since) -> {
            if (!since.isAfter(old)) {
                flush(cell);
            }
        });
    }

    /** Raises every alarm notice still waiting (the run is closing). */
    public void flushAll() {
        waiting.keySet().forEach(this::flush);
    }

    private void flush(String cell) {
        RunEvent.Notice n = waiting.remove(cell);
        waitingSince.remove(cell);
        if (n != null) {
            raise(n);
        }
    }

    private void raise(RunEvent.Notice n) {
        alarms.raise(Alarm.of(Alarm.Kind.ALARM, n.cellId(), Severity.ALARM, n.message(), clock.instant()));
    }

    static Alarm.Kind kindOf(RunEvent.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> Alarm.Kind.COMPLETED;
            case SAFETY_TRIP -> Alarm.Kind.SAFETY_TRIP;
            case FAULT -> Alarm.Kind.FAULT;
            case STOPPED -> Alarm.Kind.STOPPED;
        };
    }

    private static Severity severityOf(RunEvent.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> Severity.INFO;
            case STOPPED -> Severity.WARNING;
            case SAFETY_TRIP, FAULT -> Severity.ALARM;
        };
    }
}
