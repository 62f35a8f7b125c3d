package io.cellbench.daq.influx;

import io.cellbench.core.UserError;
import io.cellbench.daq.sink.RunSink;
import io.cellbench.daq.sink.SinkContext;
import io.cellbench.daq.sink.SinkFactory;
import io.cellbench.daq.sink.SinkSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The InfluxDB sink: a run sent live to InfluxDB through a spool in DIR/influx-spool
 * (docs/influxdb.md). Settings: {@code url} and {@code database} (as --influx and --db give
 * them; they win over CELLBENCH_INFLUX_URL and _DB) and {@code config_file} (--influx-config);
 * all else, credentials above all, from the configuration file and the environment as
 * {@link InfluxConfigLoader} reads them.
 */
public final class InfluxSinkFactory implements SinkFactory {
    public static final String NAME = "influxdb";
    /** Where a run's spool lives: with the run, so what is not yet sent stays with its data. */
    public static final String SPOOL = "influx-spool";
    /** The variables {@code url} and {@code database} win over. */
    public static final String ENV_URL = "CELLBENCH_INFLUX_URL";
    public static final String ENV_DB = "CELLBENCH_INFLUX_DB";
    static final String URL = "url";
    static final String DATABASE = "database";
    static final String CONFIG_FILE = "config_file";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "InfluxDB";
    }

    /** The settings of a server and database (each may be null: then the file and environment say). */
    public static SinkSettings settings(String url, String database, Path configFile) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (url != null) {
            values.put(URL, url);
        }
        if (database != null) {
            values.put(DATABASE, database);
        }
        if (configFile != null) {
            values.put(CONFIG_FILE, configFile.toString());
        }
        return new SinkSettings(NAME, values);
    }

    /**
     * The configuration the settings name: {@code url} and {@code database} travel as the
     * CELLBENCH_INFLUX_URL and _DB variables over {@code environment}, which wins over the file.
     */
    public static InfluxConfigLoader.Loaded load(SinkSettings settings, Map<String, String> environment)
            throws InfluxConfigException {
        settings.allowOnly(List.of(URL, DATABASE, CONFIG_FILE));
        Map<String, String> merged = new HashMap<>(environment);
        if (settings.value(URL) != null) {
            merged.put(ENV_URL, settings.value(URL));
        }
        if (settings.value(DATABASE) != null) {
            merged.put(ENV_DB, settings.value(DATABASE));
        }
        String file = settings.value(CONFIG_FILE);
        return InfluxConfigLoader.load(file == null ? null : Path.of(file), merged);
    }

    @Override
    public List<String> check(SinkSettings settings, Map<String, String> environment) {
        try {
            return load(settings, environment).warnings();
        } catch (InfluxConfigException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Override
    public RunSink open(SinkContext context, SinkSettings settings) throws IOException {
        InfluxConfig config;
        try {
            // the warnings were said when the settings were checked
            config = load(settings, context.environment()).config()
                    .withSpoolDirectory(context.runDirectory().resolve(SPOOL));
        } catch (InfluxConfigException e) {
            throw new UserError(e.getMessage());
        }
        return InfluxRunSink.open(config, context);
    }
}
