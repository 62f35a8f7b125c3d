package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes every alarm of a run, applies the rate limit and hands what passes to each
 * notifier's own queue. Nothing here blocks the caller, which is a cell's thread.
 */
public final class AlarmDispatcher implements AutoCloseable {
    private final Set<Alarm.Kind> kinds;
    private final AlarmRateLimit limit;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Duration drain;

    /**
     * @param kinds  the kinds to send (all are recorded in events.jsonl regardless)
     * @param run    what every alarm says about the run (run_id, run_directory, host)
     * @param record where delivery failures are recorded (events.jsonl)
     * @param drain  how long closing waits for queued alarms to go out
     */
    public AlarmDispatcher(List<Notifier> notifiers, Set<Alarm.Kind> kinds, AlarmRateLimit limit,
                           int attempts, Duration firstRetry, Map<String, String> run,
                           Consumer<RunEvent.Notice> record, Duration drain) {
        this.kinds = Set.copyOf(kinds);
        this.limit = limit;
        this.drain = drain;
        Delivery.Retry retry = new Delivery.Retry(attempts, firstRetry, Duration.ofMinutes(5));
        for (Notifier n : notifiers) {
            deliveries.add(new Delivery(n, retry, Map.copyOf(run), record));
        }
    }

    /** Raises an alarm: sent at once unless the rate limit holds it back. */
    public void raise(Alarm alarm) {
        if (deliveries.isEmpty() || !kinds.contains(alarm.kind())) {
            return;
        }
        send(limit.admit(alarm));
    }

    /** Sends the summaries of rate-limit windows that have closed; call every few seconds. */
    public void tick() {
        send(limit.expired());
    }

    private void send(List<Alarm> alarms) {
        for (Alarm a : alarms) {
            for (Delivery d : deliveries) {
                d.offer(a);
            }
        }
    }

    /** Sends the summaries still held back and waits (bounded) for the queues to empty. */
    @Override
    public void close() {
        send(limit.flush());
        long deadline = System.nanoTime() + drain.toNanos();
        for (Delivery d : deliveries) {
            d.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
