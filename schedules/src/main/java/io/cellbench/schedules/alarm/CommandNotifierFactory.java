package io.cellbench.schedules.alarm;

import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import java.time.Duration;
import java.util.List;

/**
 * The notify file's {@code command:} section: a program run for every alarm
 * ({@link CommandNotifier}), with {@code run:} (the arguments, no shell) and {@code timeout:}.
 */
public final class CommandNotifierFactory implements NotifierFactory {
    /** How long the command may run when the file does not say. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** A command to run per alarm (arguments as given) and how long it may run. */
    public record Setup(List<String> command, Duration timeout) implements NotifierSetup {
        public Setup {
            command = List.copyOf(command);
        }

        @Override
        public String key() {
            return "command";
        }

        @Override
        public String describe() {
            return "a command";
        }

        @Override
        public Notifier open() {
            return new CommandNotifier(command, timeout);
        }
    }

    @Override
    public String key() {
        return "command";
    }

    @Override
    public NotifierSetup read(NotifySection section) {
        Mapping m = section.mapping();
        List<String> command = List.of();
        Duration timeout = DEFAULT_TIMEOUT;
        for (Entry c : m.entries()) {
            switch (c.key().value()) {
                case "run" -> command = section.arguments(c);
                case "timeout" -> timeout = section.duration(c);
                default -> throw section.unknown(c, "run, timeout");
            }
        }
        if (command.isEmpty()) {
            throw section.error(m, "the command needs 'run:'", "e.g. run: [/usr/local/bin/page-me, --team, lab]");
        }
        return new Setup(command, timeout);
    }
}
