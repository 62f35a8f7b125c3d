package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.time.Backoff;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One notifier's queue and the thread that empties it, so that a webhook that hangs or a
 * command that fails never holds up the run or the other notifiers. A failed delivery is
 * recorded as an event and retried with a doubling delay, up to the configured attempts.
 */
final class Delivery {
    /** Enough for a bad night; beyond it alarms are dropped (and that is recorded). */
    static final int QUEUE = 1000;

    private final Notifier notifier;
    private final Retry retry;
    private final Map<String, String> run;
    private final Consumer<RunEvent.Notice> record;
    private final BlockingQueue<Alarm> queue = new LinkedBlockingQueue<>(QUEUE);
    private final Thread worker;
    private volatile boolean closing;
    private volatile boolean busy;

    /** How often and how patiently a failed delivery is tried again. */
    record Retry(int attempts, Duration firstDelay, Duration maxDelay) {
    }

    Delivery(Notifier notifier, Retry retry, Map<String, String> run, Consumer<RunEvent.Notice> record) {
        this.notifier = notifier;
        this.retry = retry;
        this.run = run;
        this.record = record;
        this.worker = Thread.ofPlatform().daemon().name("alarm-" + notifier.name()).start(this::work);
    }

    /** Queues the alarm; never blocks. */
    void offer(Alarm alarm) {
        if (!queue.offer(alarm)) {
            note(alarm.cellId(), Severity.WARNING, "alarm not sent by " + notifier.name()
                    + ": more than " + QUEUE + " alarms waiting; dropped: " + alarm.kind().label());
        }
    }

    private void work() {
        try {
            while (!(closing && queue.isEmpty())) {
                Alarm a = queue.poll(100, TimeUnit.MILLISECONDS);
                if (a != null) {
                    busy = true;
                    deliver(a);
                    busy = false;
                }
            }
        } catch (InterruptedException e) {
            // closed with alarms still waiting; close() records how many
        }
    }

    private void deliver(Alarm alarm) throws InterruptedException {
        Backoff delays = Backoff.withoutJitter(retry.firstDelay(), retry.maxDelay());
        Duration delay = delays.next();
        for (int attempt = 1; ; attempt++) {
            try {
                notifier.send(alarm, run);
                return;
            } catch (Notifier.NotifyException e) {
                boolean last = attempt >= retry.attempts();
                note(alarm.cellId(), last ? Severity.ALARM : Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "%s alarm not delivered by %s (attempt %d of %d): %s%s", alarm.kind().label(),
                        notifier.name(), attempt, retry.attempts(), e.getMessage(),
                        last ? "; given up" : "; next try in " + delay.toMillis() / 1000.0 + " s"));
                if (last) {
                    return;
                }
            }
            Thread.sleep(delay.toMillis());
            delay = delays.next();
        }
    }

    private void note(String cellId, Severity severity, String text) {
        try {
            record.accept(new RunEvent.Notice(cellId, Double.NaN, severity, text));
        } catch (RuntimeException e) {
            // the run directory is closing; nothing else to tell
        }
    }

    /** Delivers what is queued, waiting at most {@code patience}; what is left is recorded as lost. */
    void close(Duration patience) {
        closing = true;
        try {
            worker.join(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            int lost = queue.size() + (busy ? 1 : 0);
            note("", Severity.WARNING, lost + " alarm(s) not delivered by " + notifier.name()
                    + " before the run closed");
        }
    }
}
