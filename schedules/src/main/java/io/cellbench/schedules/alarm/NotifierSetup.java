package io.cellbench.schedules.alarm;

/**
 * One notifier as its section of the notify file configures it. Its {@code toString} never
 * shows a secret (a URL, a token): settings are printed in messages.
 */
public interface NotifierSetup {
    /** The section it came from ({@link NotifierFactory#key()}). */
    String key();

    /** What it is, for "alarms go to a command and a webhook". */
    String describe();

    /** The notifier alarms are sent to, for one run. */
    Notifier open();
}
