package io.cellbench.cli;

import io.cellbench.core.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where a {@code data} command reads: a run directory, or InfluxDB with {@code --influx/--db}. */
final class DataSourceOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A run directory (written by run or demo); or read InfluxDB with --influx and --db.")
    Path directory;

    @Mixin
    InfluxOptions influx;

    @Option(names = "--run", paramLabel = "RUN",
            description = "With InfluxDB: only this run (its run id, as in run.json). Default: every run.")
    String run;

    DataSource open(BufferAllocator allocator, Map<String, String> env) throws IOException {
        boolean influxAsked = influx.url != null || influx.database != null || influx.configFile != null;
        if (directory != null && influxAsked) {
            throw new UserError("read either a run directory or InfluxDB (--influx/--db/--influx-config), not both");
        }
        if (directory != null) {
            if (run != null) {
                throw new UserError("--run selects a run in InfluxDB; a run directory holds one run");
            }
            return RunDirectoryData.open(directory, allocator);
        }
        if (!influx.requested(env)) {
            throw new UserError("say where to read: a run directory, or --influx URL --db NAME");
        }
        return InfluxSource.open(influx.load(env, System.err).config(), run);
    }
}
