package io.cellbench.schedules.session;

import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.schedules.runner.FaultRetry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link RunSession} needs, in one place: what the command line (or a test, or a
 * program) asked for.
 *
 * @param runDirectory     where the run is recorded (exists, locked by the caller)
 * @param scheduleFile     the schedule; copied into DIR/inputs with its protocols unless it lies there
 * @param bench            what the cells run on
 * @param start            a new run, or an interrupted one going on
 * @param cellbenchVersion the version that records the run
 * @param faultRetry       how long an instrument fault is ridden out
 * @param notifyFile       the notify file (copied to DIR/inputs/notify.yaml); null: the copy a
 *                         resumed run's first start left there, if any
 * @param sinks            the sinks besides the run directory, in order (InfluxDB)
 * @param attachments      what watches the run (progress lines, the live page)
 * @param extras           a resume's notes; the free-space watch
 * @param console          where the session speaks
 * @param environment      where notifiers and sinks read their secrets
 */
public record SessionOptions(Path runDirectory, Path scheduleFile, Bench bench, SessionStart start,
                             String cellbenchVersion, FaultRetry faultRetry, Path notifyFile,
                             List<SinkSettings> sinks, List<RunAttachment> attachments, SessionExtras extras,
                             PrintStream console, Map<String, String> environment) {

    public SessionOptions {
        // every component is required (the builder gives the defaults): name the one missing
        Object[] given = {runDirectory, scheduleFile, bench, start, faultRetry, extras, console};
        String[] names = {"runDirectory", "scheduleFile", "bench", "start", "faultRetry", "extras", "console"};
        for (int i = 0; i < given.length; i++) {
            Objects.requireNonNull(given[i], names[i]);
        }
        sinks = List.copyOf(sinks);
        attachments = List.copyOf(attachments);
        environment = Map.copyOf(environment);
    }

    /**
     * Options with the defaults: a fresh run now, the default fault retry, no notify file, no
     * sink, no attachment, the free space not watched, System.out and this process's environment.
     */
    public static Builder builder(Path runDirectory, Path scheduleFile, Bench bench) {
        return new Builder(runDirectory, scheduleFile, bench);
    }

    /** Builds {@link SessionOptions}. */
    public static final class Builder {
        private final Path runDirectory;
        private final Path scheduleFile;
        private final Bench bench;
        private SessionStart start;
        private String version = "";
        private FaultRetry faultRetry = FaultRetry.DEFAULT;
        private Path notifyFile;
        private List<SinkSettings> sinks = List.of();
        private List<RunAttachment> attachments = List.of();
        private SessionExtras extras;
        private PrintStream console = System.out;
        private Map<String, String> environment = System.getenv();

        private Builder(Path runDirectory, Path scheduleFile, Bench bench) {
            this.runDirectory = runDirectory;
            this.scheduleFile = scheduleFile;
            this.bench = bench;
        }

        public Builder start(SessionStart s) {
            this.start = s;
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder faultRetry(FaultRetry r) {
            this.faultRetry = r;
            return this;
        }

        public Builder notifyFile(Path file) {
            this.notifyFile = file;
            return this;
        }

        public Builder sinks(List<SinkSettings> s) {
            this.sinks = s;
            return this;
        }

        public Builder attachments(List<RunAttachment> a) {
            this.attachments = a;
            return this;
        }

        public Builder extras(SessionExtras e) {
            this.extras = e;
            return this;
        }

        public Builder console(PrintStream c) {
            this.console = c;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            this.environment = env;
            return this;
        }

        public SessionOptions build() {
            return new SessionOptions(runDirectory, scheduleFile, bench, start != null ? start : SessionStart.Fresh.now(),
                    version, faultRetry, notifyFile, sinks, attachments,
                    extras != null ? extras : SessionExtras.watching(runDirectory, 0), console, environment);
        }
    }
}
