package io.cellbench.schedules.alarm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier that keeps every alarm it is sent, in order, for a test to read (from any thread). */
final class KeptAlarms implements Notifier {
    final List<Alarm> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void send(Alarm alarm, Map<String, String> run) {
        sent.add(alarm);
    }

    /** A dispatcher of every kind of alarm to this notifier alone, one per kind and cell per 10 minutes of {@code clock}. */
    AlarmDispatcher dispatcher(TestClock clock) {
        return new AlarmDispatcher(List.of(this), Set.of(Alarm.Kind.values()),
                new AlarmRateLimit(Duration.ofMinutes(10), clock), 1, Duration.ofMillis(1), Map.of(), n -> { },
                Duration.ofSeconds(5));
    }
}
