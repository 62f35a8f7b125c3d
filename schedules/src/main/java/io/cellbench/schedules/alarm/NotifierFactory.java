package io.cellbench.schedules.alarm;

/**
 * Where alarms can go (a command, a webhook; an email), found the way drivers are: a class
 * implementing this and its name on a line of
 * {@code META-INF/services/io.cellbench.schedules.alarm.NotifierFactory}. It owns a section of
 * the notify file, named by its {@link #key()}: {@code cellbench validate}, {@code run --notify}
 * and {@code resume} read that section with it. See docs/architecture.md, "How to add a notifier".
 */
public interface NotifierFactory {
    /** The notify file's section ("command", "webhook"): lower case, no spaces. */
    String key();

    /**
     * Reads this notifier's section; every mistake is a {@code file:line:column} error through
     * {@code section}, and secrets are read through {@link NotifySection#secret} only.
     */
    NotifierSetup read(NotifySection section);
}
