package io.cellbench.cli.control;

import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.alarm.NotifyConfigLoader;
import io.cellbench.schedules.session.RunInputs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --notify FILE} of run, demo and resume: where alarms go (docs/operations.md, "Alarms"). */
public final class NotifyOptions {
    /** Where the notify file is kept in the run directory, for resume. */
    public static final String COPY = RunInputs.NOTIFY;

    @Option(names = "--notify", paramLabel = "FILE",
            description = "Send alarms (faults, trips, pauses, completion, silent channels) to the command and/or "
                    + "webhook of this notify file (see examples/notify.yaml); kept in DIR/" + COPY + " for resume.")
    Path file;

    /** Reads the notify file given, so its mistakes are reported before anything starts; null when none. */
    public NotifyConfig check() {
        return file == null ? null : NotifyConfigLoader.load(file, System.getenv());
    }

    /** The notify file given, or null: the session copies it into the run directory (or reads the copy there). */
    public Path file() {
        return file;
    }
}
