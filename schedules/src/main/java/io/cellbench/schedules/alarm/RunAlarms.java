package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.RunnerStatus;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A run's alarms, wired: the events that are alarms, the silent-channel watchdog and the
 * notifiers of the notify file, with one thread that ticks them. Nothing of it can block a
 * cell: cells only queue.
 */
public final class RunAlarms implements AutoCloseable {
    /** How often the watchdog looks and the rate-limit summaries go out. */
    static final Duration TICK = Duration.ofMillis(100);

    private final NotifyConfig config;
    private final RunListener record;
    private final InstantSource clock;
    private final AlarmDispatcher dispatcher;
    private final AlarmEvents events;
    private volatile SilentChannelWatch watch;
    private final Thread ticker;
    private volatile boolean closed;

    /**
     * @param run    what every alarm says about the run (run_id, run_directory, host)
     * @param record where alarms of the watchdog and delivery failures are recorded (the run
     *               directory's events.jsonl)
     */
    public RunAlarms(NotifyConfig config, Map<String, String> run, RunListener record, InstantSource clock) {
        this.config = config;
        this.record = record;
        this.clock = clock;
        List<Notifier> notifiers = config.notifiers().stream().map(NotifierSetup::open).toList();
        this.dispatcher = new AlarmDispatcher(notifiers, config.send(), new AlarmRateLimit(config.rateLimit(), clock),
                config.attempts(), config.firstRetry(), run, record::on, Duration.ofSeconds(15));
        this.events = new AlarmEvents(dispatcher, clock);
        this.ticker = Thread.ofPlatform().daemon().name("alarm-watch").start(this::tick);
    }

    /** Receives the run's events (tee it beside the run directory's sink). */
    public RunListener listener() {
        return events;
    }

    /**
     * Starts the silent-channel watchdog over the cells.
     *
     * @param samplePeriod each cell's sample period in wall-clock time; it is raised to the
     *                     notify file's {@code at_least}
     */
    public void watch(Supplier<Map<String, RunnerStatus>> statuses, Function<String, Duration> samplePeriod) {
        Function<String, Duration> floored = cell -> {
            Duration p = samplePeriod.apply(cell);
            Duration min = config.silentAtLeast().dividedBy(config.silentPeriods());
            return p.compareTo(min) < 0 ? min : p;
        };
        watch = new SilentChannelWatch(statuses, floored, config.silentPeriods(), clock, record, dispatcher);
    }

    /** Raises an alarm that no run event carries (an operator's pause). */
    public void raise(Alarm alarm) {
        dispatcher.raise(alarm);
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(TICK);
                SilentChannelWatch w = watch;
                if (w != null) {
                    w.check();
                }
                events.tick();
                dispatcher.tick();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A failing check must not end the watchdog; say so once per failure.
                try {
                    record.on(new RunEvent.Notice("", Double.NaN, RunEvent.Severity.WARNING,
                            "alarm watchdog: " + e));
                } catch (RuntimeException ignored) {
                    // the run directory is closing
                }
            }
        }
    }

    /** Stops the watchdog and sends what is still queued (bounded wait). */
    @Override
    public void close() {
        closed = true;
        ticker.interrupt();
        try {
            ticker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.flushAll();
        dispatcher.close();
    }
}
