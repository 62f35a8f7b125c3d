package io.cellbench.cli.control;

import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.alarm.NotifyConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/** {@code --notify FILE} of run, demo and resume: where alarms go (docs/operations.md, "Alarms"). */
public final class NotifyOptions {
    /** Where the notify file is kept in the run directory, for resume. */
    public static final String COPY = "inputs/notify.yaml";

    @Option(names = "--notify", paramLabel = "FILE",
            description = "Send alarms (faults, trips, pauses, completion, silent channels) to the command and/or "
                    + "webhook of this notify file (see examples/notify.yaml); kept in DIR/" + COPY + " for resume.")
    Path file;

    /** Reads the notify file given, so its mistakes are reported before anything starts; null when none. */
    public NotifyConfig check() {
        return file == null ? null : NotifyConfigLoader.load(file, System.getenv());
    }

    /**
     * Copies the notify file given into the run directory and returns its settings; without
     * --notify, those of a copy an earlier start left there (resume), or null.
     */
    public NotifyConfig install(Path runDirectory) throws IOException {
        Path copy = runDirectory.resolve(COPY);
        if (file != null) {
            NotifyConfig config = check();
            if (!Files.exists(copy) || !Files.isSameFile(file, copy)) {
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return config;
        }
        return Files.isRegularFile(copy) ? NotifyConfigLoader.load(copy, System.getenv()) : null;
    }
}
