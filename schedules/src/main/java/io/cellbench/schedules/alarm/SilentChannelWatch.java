package io.cellbench.schedules.alarm;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.runner.RunnerStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The watchdog over running channels. A channel that is sourcing, resting, settling or
 * paused takes a sample every sample period (a sweep takes none until its spectrum, and a
 * cell before its start or after its end none at all); when no sample has come for N
 * periods (the instrument hangs, a driver waits forever), it raises a silent-channel alarm,
 * once, and records when the channel answers again.
 *
 * <p>A sample shows as the cell's test time moving on in {@link RunnerStatus}, which every
 * sample updates (also those the logging rule does not record).
 */
public final class SilentChannelWatch {
    private static final class Seen {
        double testTime;
        State state;
        Instant since;
        boolean silent;
    }

    private final Supplier<Map<String, RunnerStatus>> statuses;
    private final Function<String, Duration> samplePeriod;
    private final int periods;
    private final InstantSource clock;
    private final RunListener record;
    private final AlarmDispatcher alarms;
    private final Map<String, Seen> seen = new HashMap<>();

    /**
     * @param samplePeriod each cell's sample period in wall-clock time (already scaled for a
     *                     simulation and floored where that makes it too short to watch)
     * @param periods      N: how many periods without a sample make a channel silent
     * @param record       where the alarm and the recovery are recorded (events.jsonl)
     */
    public SilentChannelWatch(Supplier<Map<String, RunnerStatus>> statuses, Function<String, Duration> samplePeriod,
                              int periods, InstantSource clock, RunListener record, AlarmDispatcher alarms) {
        this.statuses = statuses;
        this.samplePeriod = samplePeriod;
        this.periods = periods;
        this.clock = clock;
        this.record = record;
        this.alarms = alarms;
    }

    /** Looks at every cell once; call a few times per sample period. Only one thread calls it. */
    public void check() {
        Instant now = clock.instant();
        statuses.get().forEach((cell, s) -> {
            Seen last = seen.computeIfAbsent(cell, c -> new Seen());
            boolean moved = s.testTimeSecond() != last.testTime || s.state() != last.state || last.since == null;
            if (moved) {
                if (last.silent) {
                    // a cell that ends (the runner gave up on the instrument) did not answer again
                    if (s.state() == State.ENDED) {
                        endedSilent(cell, s, Duration.between(last.since, now));
                    } else {
                        recovered(cell, s, Duration.between(last.since, now));
                    }
                }
                last.testTime = s.testTimeSecond();
                last.state = s.state();
                last.since = now;
                last.silent = false;
                return;
            }
            Duration period = samplePeriod.apply(cell);
            Duration quiet = Duration.between(last.since, now);
            if (!last.silent && watched(s.state()) && quiet.compareTo(period.multipliedBy(periods)) >= 0) {
                last.silent = true;
                silent(cell, s, quiet, period);
            }
        });
    }

    /** States in which a channel samples every period. */
    private static boolean watched(State state) {
        // A paused cell rests at open circuit and is still sampled; a sweep has no samples
        // until its spectrum, and a cell that has not started or has ended has none at all.
        return state == State.RUNNING || state == State.SETTLING || state == State.PAUSED;
    }

    private void silent(String cell, RunnerStatus s, Duration quiet, Duration period) {
        String text = String.format(Locale.ROOT,
                "channel silent: no sample for %.1f s (%d sample periods of %.3f s) in step %d (%s); "
                        + "the instrument may hang or be disconnected", quiet.toMillis() / 1000.0, periods,
                period.toNanos() * 1e-9, s.stepIndex(), s.stepText());
        emit(new RunEvent.Notice(cell, silenceBegan(s), Severity.ALARM, text));
        alarms.raise(Alarm.of(Alarm.Kind.SILENT_CHANNEL, cell, Severity.ALARM, text, clock.instant()));
    }

    /**
     * When the silence began, in test time: when the first failed read of an incident began,
     * or else when the sample that did not come was due (not the last sample's time).
     */
    private static double silenceBegan(RunnerStatus s) {
        RunnerStatus.Health h = s.health();
        if (!Double.isNaN(h.failingSinceSecond())) {
            return h.failingSinceSecond();
        }
        return Double.isNaN(h.nextSampleSecond()) ? s.testTimeSecond() : h.nextSampleSecond();
    }

    private void endedSilent(String cell, RunnerStatus s, Duration quiet) {
        emit(new RunEvent.Notice(cell, s.testTimeSecond(), Severity.INFO, String.format(Locale.ROOT,
                "channel silent until the cell ended (%s), %.1f s without a sample", s.outcome(),
                quiet.toMillis() / 1000.0)));
    }

    private void recovered(String cell, RunnerStatus s, Duration quiet) {
        emit(new RunEvent.Notice(cell, s.testTimeSecond(), Severity.INFO, String.format(Locale.ROOT,
                "channel answers again after %.1f s without a sample", quiet.toMillis() / 1000.0)));
    }

    private void emit(RunEvent.Notice n) {
        try {
            record.on(n);
        } catch (RuntimeException e) {
            // the run directory is closing
        }
    }
}
