package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.daq.influx.InfluxConfigException;
import io.cellbench.daq.influx.InfluxConfigLoader;
import io.cellbench.daq.influx.InfluxSinkFactory;
import io.cellbench.daq.sink.SinkSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which InfluxDB to use: server and database from the command line, everything else
 * (credentials above all) from the configuration file and the CELLBENCH_INFLUX_* environment
 * as {@link InfluxConfigLoader} reads them. Credentials are never options: the command line
 * of a process is visible to every user of the machine.
 */
final class InfluxOptions {
    static final String ENV_URL = InfluxSinkFactory.ENV_URL;
    static final String ENV_DB = InfluxSinkFactory.ENV_DB;

    @Option(names = "--influx", paramLabel = "URL",
            description = "InfluxDB server, e.g. http://127.0.0.1:8086 (user, password and token come from the"
                    + " configuration file or CELLBENCH_INFLUX_* variables, never from here).")
    String url;

    @Option(names = "--db", paramLabel = "NAME", description = "InfluxDB database (with --influx).")
    String database;

    @Option(names = "--influx-config", paramLabel = "FILE",
            description = "InfluxDB configuration file (default: ~/.config/cellbench/influx.properties).")
    Path configFile;

    /** Whether InfluxDB was asked for: an option above, or CELLBENCH_INFLUX_URL in the environment. */
    boolean requested(Map<String, String> env) {
        return url != null || database != null || configFile != null || notEmpty(env.get(ENV_URL));
    }

    /** Loads the configuration (the options win over the environment, which wins over the file). */
    InfluxConfigLoader.Loaded load(Map<String, String> env, PrintStream warnings) {
        if (url != null && database == null && !notEmpty(env.get(ENV_DB)) && configFile == null) {
            throw new UserError("--influx needs --db NAME (the database to use)");
        }
        if (url != null && url.contains("@")) {
            // never echoed: it holds a password
            throw new UserError("--influx: the URL must not carry user:password (a command line is visible to every"
                    + " user of this machine); give the server alone, e.g. --influx http://host:8086, and the user and"
                    + " password in ~/.config/cellbench/influx.properties or CELLBENCH_INFLUX_USER and"
                    + " CELLBENCH_INFLUX_PASSWORD (see docs/influxdb.md)");
        }
        try {
            InfluxConfigLoader.Loaded loaded = InfluxSinkFactory.load(settings(), env);
            loaded.warnings().forEach(w -> warnings.println("warning: " + w));
            return loaded;
        } catch (InfluxConfigException e) {
            // the options travel as the environment's variables: name them as the user wrote them
            String message = e.getMessage();
            if (url != null) {
                message = message.replace(ENV_URL, "--influx");
            }
            if (database != null) {
                message = message.replace(ENV_DB, "--db");
            }
            throw new UserError(message);
        }
    }

    /** The InfluxDB sink these options ask for: server and database as given, the rest from the file and environment. */
    SinkSettings settings() {
        return InfluxSinkFactory.settings(url, database, configFile);
    }

    /** The InfluxDB asked for (its warnings said once), or null when none was (import --influx). */
    io.cellbench.daq.influx.InfluxConfig config(Map<String, String> env, PrintStream warnings) {
        return requested(env) ? load(env, warnings).config() : null;
    }

    /** The InfluxDB sink asked for, checked (its warnings said once), or none. */
    List<SinkSettings> sink(Map<String, String> env, PrintStream warnings) {
        if (!requested(env)) {
            return List.of();
        }
        load(env, warnings);
        return List.of(settings());
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
