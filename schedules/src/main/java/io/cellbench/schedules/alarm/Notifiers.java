package io.cellbench.schedules.alarm;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The notifiers on the class path (META-INF/services/io.cellbench.schedules.alarm.NotifierFactory),
 * in the order of their keys: the order sections are listed in messages and alarms are sent in,
 * whatever the order of the class path.
 */
final class Notifiers {
    private Notifiers() {
    }

    static List<NotifierFactory> all() {
        return ServiceLoader.load(NotifierFactory.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(NotifierFactory::key)).toList();
    }

    /** "a command", "a command and a webhook", "a command, an email and a webhook". */
    static String describe(List<NotifierSetup> setups) {
        List<String> each = setups.stream().map(NotifierSetup::describe).toList();
        if (each.size() <= 1) {
            return String.join("", each);
        }
        return String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.getLast();
    }
}
