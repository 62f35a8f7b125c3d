package io.cellbench.cli;

import io.cellbench.schedules.journal.JournalFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a run was started with besides its schedule and speed (those are in the run mode),
 * journaled in DIR/journal/run-options.json so that {@code cellbench resume} re-attaches the
 * same outputs: the InfluxDB it sent to, the live page, the fault retry time.
 *
 * <p>Never a credential: for InfluxDB only what names its configuration — the server and
 * database given as options, the configuration file's path, and whether CELLBENCH_INFLUX_*
 * variables were set (their values are not kept; the resumed process reads its own).
 *
 * @param faultRetry how long an instrument fault is retried ("60 s")
 * @param influx     the InfluxDB of the run, or {@code null}
 * @param serve      the live page's address, or {@code null}
 * @param minFreeSpaceBytes below this free space every cell pauses ({@code null}: the default; 0: not watched)
 */
record RunOptions(String faultRetry, Influx influx, Serve serve, Long minFreeSpaceBytes) {
    static final String FILE = "run-options.json";

    /**
     * @param url         --influx, or {@code null}
     * @param database    --db, or {@code null}
     * @param configFile  --influx-config as an absolute path, or {@code null}
     * @param environment whether CELLBENCH_INFLUX_* variables were set when the run started
     */
    record Influx(String url, String database, String configFile, boolean environment) {
    }

    record Serve(String bind, int port) {
    }

    /** Options of a version that had no free-space watch: the default applies. */
    RunOptions(String faultRetry, Influx influx, Serve serve) {
        this(faultRetry, influx, serve, null);
    }

    /** The InfluxDB part of the options, or {@code null} when InfluxDB was not asked for. */
    static Influx influx(InfluxOptions options, Map<String, String> env) {
        if (!options.requested(env)) {
            return null;
        }
        boolean fromEnvironment = env.keySet().stream().anyMatch(k -> k.startsWith("CELLBENCH_INFLUX_"));
        return new Influx(options.url, options.database,
                options.configFile == null ? null : options.configFile.toAbsolutePath().normalize().toString(),
                fromEnvironment);
    }

    /** The options a run starts with; {@code influx} is {@code null} when the run does not send to InfluxDB. */
    static RunOptions of(io.cellbench.schedules.runner.FaultRetry retry, InfluxOptions influx,
                         io.cellbench.cli.serve.ServeOptions serve, long minFreeSpaceBytes) {
        return new RunOptions(retry.describe(), influx == null ? null : influx(influx, System.getenv()),
                serve.enabled() ? new Serve(serve.bind(), serve.port()) : null, minFreeSpaceBytes);
    }

    void write(Path runDirectory) throws IOException {
        JournalFiles.write(JournalFiles.directory(runDirectory).resolve(FILE), this);
    }

    static Optional<RunOptions> read(Path runDirectory) throws IOException {
        return JournalFiles.read(JournalFiles.directory(runDirectory).resolve(FILE), RunOptions.class);
    }
}
