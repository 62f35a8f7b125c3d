package io.cellbench.schedules.examples;

import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.schedules.alarm.Alarm;
import io.cellbench.schedules.alarm.Notifier;
import io.cellbench.schedules.alarm.NotifierFactory;
import io.cellbench.schedules.alarm.NotifierSetup;
import io.cellbench.schedules.alarm.NotifySection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The "How to add a notifier" recipe of docs/architecture.md, followed to the letter: this class
 * and a line in META-INF/services/io.cellbench.schedules.alarm.NotifierFactory, nothing else.
 * The notify file's section {@code example_file:} with {@code path:} (absolute) appends every
 * alarm to that file as a JSON line.
 */
public final class FileNotifierFactory implements NotifierFactory {

    /** The file alarms are appended to. */
    record Setup(Path path) implements NotifierSetup {
        @Override
        public String key() {
            return "example_file";
        }

        @Override
        public String describe() {
            return "a file";
        }

        @Override
        public Notifier open() {
            return new Notifier() {
                @Override
                public String name() {
                    return "file " + path;
                }

                @Override
                public void send(Alarm alarm, Map<String, String> run) throws NotifyException {
                    try {
                        Files.writeString(path, alarm.toJson(run) + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new NotifyException("cannot append to " + path + ": " + e.getMessage());
                    }
                }
            };
        }
    }

    @Override
    public String key() {
        return "example_file";
    }

    @Override
    public NotifierSetup read(NotifySection section) {
        Path path = null;
        for (Entry e : section.mapping().entries()) {
            switch (e.key().value()) {
                case "path" -> {
                    path = Path.of(section.scalar(e));
                    if (!path.isAbsolute()) {
                        throw section.error(e.value(), "the alarm file is named by its absolute path",
                                "e.g. path: /var/log/cellbench/alarms.jsonl");
                    }
                }
                default -> throw section.unknown(e, "path");
            }
        }
        if (path == null) {
            throw section.error(section.mapping(), "the alarm file needs its path", "add path: /absolute/path");
        }
        return new Setup(path);
    }
}
