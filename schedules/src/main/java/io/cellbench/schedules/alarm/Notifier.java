package io.cellbench.schedules.alarm;

import java.util.Map;

/** Where alarms go: a command, a webhook. */
public interface Notifier {
    /** A short name for messages ("command", "webhook"); never the URL, which may hold a secret. */
    String name();

    /**
     * Delivers one alarm, blocking until it is delivered or has failed (each notifier has its
     * own bounded timeout).
     *
     * @param run what every alarm says about the run (run_id, run_directory, host)
     * @throws NotifyException when it was not delivered; the message must not hold secrets
     */
    void send(Alarm alarm, Map<String, String> run) throws NotifyException;

    /** A delivery that failed; it is retried. */
    final class NotifyException extends Exception {
        public NotifyException(String message) {
            super(message);
        }
    }
}
