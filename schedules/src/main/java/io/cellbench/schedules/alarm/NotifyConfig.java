package io.cellbench.schedules.alarm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run's notify file (docs/operations.md, "Alarms"): where alarms go and how often.
 *
 * @param source         the file it was read from
 * @param notifiers      where alarms go, one per section of the file that names a notifier
 *                       ({@link NotifierFactory}), in the order of their keys
 * @param send           the kinds sent (all are recorded in events.jsonl)
 * @param rateLimit      at most one alarm per kind and cell in this window
 * @param attempts       deliveries tried per alarm and notifier
 * @param firstRetry     the delay before the second try; it doubles for each further one
 * @param silentPeriods  N: sample periods without a sample that make a channel silent
 * @param silentAtLeast  the shortest silence (wall clock) that raises the alarm, for scaled simulations
 */
public record NotifyConfig(
        String source,
        List<NotifierSetup> notifiers,
        Set<Alarm.Kind> send,
        Duration rateLimit,
        int attempts,
        Duration firstRetry,
        int silentPeriods,
        Duration silentAtLeast) {

    public static final int DEFAULT_SILENT_PERIODS = 5;

    /** No notifier: alarms are recorded only; the silent-channel watchdog has its defaults. */
    public static final NotifyConfig NONE = new NotifyConfig("", List.of(), Set.of(Alarm.Kind.values()),
            Duration.ofMinutes(10), 5, Duration.ofSeconds(2), DEFAULT_SILENT_PERIODS, Duration.ofSeconds(2));

    public NotifyConfig {
        notifiers = List.copyOf(notifiers);
        send = Set.copyOf(send);
    }

    /**
     * The two notifiers cellbench has always had, as parameters (kept for the tests written
     * before notifiers were found like drivers).
     *
     * @param command        the command to run per alarm (arguments as given), empty for none
     * @param commandTimeout how long the command may run
     * @param webhook        the webhook, null for none
     */
    public NotifyConfig(String source, List<String> command, Duration commandTimeout, Webhook webhook,
                        Set<Alarm.Kind> send, Duration rateLimit, int attempts, Duration firstRetry,
                        int silentPeriods, Duration silentAtLeast) {
        this(source, builtIn(command, commandTimeout, webhook), send, rateLimit, attempts, firstRetry, silentPeriods,
                silentAtLeast);
    }

    private static List<NotifierSetup> builtIn(List<String> command, Duration commandTimeout, Webhook webhook) {
        List<NotifierSetup> setups = new ArrayList<>();
        if (!command.isEmpty()) {
            setups.add(new CommandNotifierFactory.Setup(command, commandTimeout));
        }
        if (webhook != null) {
            setups.add(webhook);
        }
        return setups;
    }

    /** The command's arguments, empty when the file names none. */
    public List<String> command() {
        return commandSetup() == null ? List.of() : commandSetup().command();
    }

    /** How long the command may run (the default when there is none). */
    public Duration commandTimeout() {
        return commandSetup() == null ? CommandNotifierFactory.DEFAULT_TIMEOUT : commandSetup().timeout();
    }

    /** The webhook, null when the file names none. */
    public Webhook webhook() {
        return notifiers.stream().filter(n -> n instanceof Webhook).map(n -> (Webhook) n).findFirst().orElse(null);
    }

    private CommandNotifierFactory.Setup commandSetup() {
        return notifiers.stream().filter(n -> n instanceof CommandNotifierFactory.Setup)
                .map(n -> (CommandNotifierFactory.Setup) n).findFirst().orElse(null);
    }

    /** "a command and a webhook": where alarms go, for the console; empty for nowhere. */
    public String describeNotifiers() {
        return Notifiers.describe(notifiers);
    }

    /** A webhook; the URL and the token are secrets and never printed. */
    public record Webhook(URI url, String token, Duration timeout) implements NotifierSetup {
        @Override
        public String key() {
            return "webhook";
        }

        @Override
        public String describe() {
            return "a webhook";
        }

        @Override
        public Notifier open() {
            return new WebhookNotifier(url, token, timeout);
        }

        @Override
        public String toString() {
            return "Webhook[url and token hidden, timeout " + timeout + "]";
        }
    }
}
