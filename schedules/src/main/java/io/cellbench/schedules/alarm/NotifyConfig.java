package io.cellbench.schedules.alarm;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A run's notify file (docs/operations.md, "Alarms"): where alarms go and how often.
 *
 * @param source         the file it was read from
 * @param command        the command to run per alarm (arguments as given), empty for none
 * @param commandTimeout how long the command may run
 * @param webhook        the webhook, null for none
 * @param send           the kinds sent (all are recorded in events.jsonl)
 * @param rateLimit      at most one alarm per kind and cell in this window
 * @param attempts       deliveries tried per alarm and notifier
 * @param firstRetry     the delay before the second try; it doubles for each further one
 * @param silentPeriods  N: sample periods without a sample that make a channel silent
 * @param silentAtLeast  the shortest silence (wall clock) that raises the alarm, for scaled simulations
 */
public record NotifyConfig(
        String source,
        List<String> command,
        Duration commandTimeout,
        Webhook webhook,
        Set<Alarm.Kind> send,
        Duration rateLimit,
        int attempts,
        Duration firstRetry,
        int silentPeriods,
        Duration silentAtLeast) {

    public static final int DEFAULT_SILENT_PERIODS = 5;

    /** No notifier: alarms are recorded only; the silent-channel watchdog has its defaults. */
    public static final NotifyConfig NONE = new NotifyConfig("", List.of(), Duration.ofSeconds(30), null,
            Set.of(Alarm.Kind.values()), Duration.ofMinutes(10), 5, Duration.ofSeconds(2),
            DEFAULT_SILENT_PERIODS, Duration.ofSeconds(2));

    public NotifyConfig {
        command = List.copyOf(command);
        send = Set.copyOf(send);
    }

    /** A webhook; the URL and the token are secrets and never printed. */
    public record Webhook(URI url, String token, Duration timeout) {
        @Override
        public String toString() {
            return "Webhook[url and token hidden, timeout " + timeout + "]";
        }
    }
}
