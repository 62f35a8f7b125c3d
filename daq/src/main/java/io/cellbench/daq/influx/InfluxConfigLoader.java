package io.cellbench.daq.influx;

import io.cellbench.daq.spool.SpoolFsync;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@link InfluxConfig} from a file and the environment, never from the command line
 * (where every user of the machine could read a password in the process list).
 *
 * <p>The file is {@code key = value} ({@code .properties}); {@code key: value} lines (flat
 * YAML) are read the same way, and quotes around a value are removed. Default location:
 * {@code $XDG_CONFIG_HOME/cellbench/influx.properties}, else
 * {@code ~/.config/cellbench/influx.properties}. Environment variables win over the file:
 * {@code CELLBENCH_INFLUX_URL}, {@code _DB}, {@code _RP}, {@code _USER}, {@code _PASSWORD},
 * {@code _TOKEN}, {@code _SPOOL_DIR}, {@code _FSYNC}. A file holding a password or token
 * that group or others may read gives a warning.
 */
public final class InfluxConfigLoader {

    /** Keys of the file, with the environment variable that overrides each (if any). */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("url", "CELLBENCH_INFLUX_URL");
        KEYS.put("database", "CELLBENCH_INFLUX_DB");
        KEYS.put("retention-policy", "CELLBENCH_INFLUX_RP");
        KEYS.put("user", "CELLBENCH_INFLUX_USER");
        KEYS.put("password", "CELLBENCH_INFLUX_PASSWORD");
        KEYS.put("token", "CELLBENCH_INFLUX_TOKEN");
        KEYS.put("spool-dir", "CELLBENCH_INFLUX_SPOOL_DIR");
        KEYS.put("fsync", "CELLBENCH_INFLUX_FSYNC");
        KEYS.put("fsync-interval", null);
        KEYS.put("batch-size", null);
        KEYS.put("flush-interval", null);
        KEYS.put("retry-initial", null);
        KEYS.put("retry-max", null);
        KEYS.put("request-timeout", null);
        KEYS.put("close-timeout", null);
        KEYS.put("backlog-alarm-lines", null);
        KEYS.put("gzip", null);
    }

    private static final Set<String> SECRET_KEYS = Set.of("password", "token");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|m|h)");

    /** The configuration and the warnings a person should see (e.g. a file others can read). */
    public record Loaded(InfluxConfig config, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private InfluxConfigLoader() {
    }

    /** Loads from the default file (if it exists) and this process's environment. */
    public static Loaded load() throws InfluxConfigException {
        return load(null, System.getenv());
    }

    /**
     * Loads from {@code file} (or, when null, the default file if it exists) and {@code env}.
     *
     * @throws InfluxConfigException naming the file and key of a wrong or missing setting
     */
    public static Loaded load(Path file, Map<String, String> env) throws InfluxConfigException {
        List<String> warnings = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Path source = file != null ? file : defaultFile(env);
        if (file != null && !Files.isRegularFile(file)) {
            throw new InfluxConfigException(file + ": no such configuration file");
        }
        if (source != null && Files.isRegularFile(source)) {
            readFile(source, values, sources);
            if (SECRET_KEYS.stream().anyMatch(values::containsKey)) {
                checkPermissions(source, warnings);
            }
        }
        for (Map.Entry<String, String> key : KEYS.entrySet()) {
            String var = key.getValue();
            if (var != null && env.get(var) != null && !env.get(var).isEmpty()) {
                values.put(key.getKey(), env.get(var));
                sources.put(key.getKey(), "environment variable " + var);
            }
        }
        return new Loaded(build(values, sources, env), warnings);
    }

    /** {@code $XDG_CONFIG_HOME/cellbench/influx.properties} or {@code ~/.config/cellbench/influx.properties}. */
    public static Path defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home(env).resolve(".config");
        return base.resolve("cellbench").resolve("influx.properties");
    }

    /** {@code $XDG_STATE_HOME/cellbench/influx-spool/<database>} or {@code ~/.local/state/…}. */
    public static Path defaultSpoolDirectory(Map<String, String> env, String database) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home(env).resolve(".local").resolve("state");
        return base.resolve("cellbench").resolve("influx-spool").resolve(database.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }

    private static void readFile(Path file, Map<String, String> values, Map<String, String> sources)
            throws InfluxConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new InfluxConfigException(file + ": cannot read: " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (k.equals("db")) {
                k = "database";
            }
            if (!KEYS.containsKey(k)) {
                throw new InfluxConfigException(file + ": unknown key '" + key + "' (known: "
                        + String.join(", ", KEYS.keySet()) + ")");
            }
            values.put(k, unquote(p.getProperty(key).trim()));
            sources.put(k, file + ": " + k);
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static void checkPermissions(Path file, List<String> warnings) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.add(file + " holds InfluxDB credentials and can be read by "
                        + (perms.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group")
                        + ": run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // No POSIX permissions here (Windows): nothing to check.
        }
    }

    private static InfluxConfig build(Map<String, String> v, Map<String, String> sources, Map<String, String> env)
            throws InfluxConfigException {
        String url = v.get("url");
        if (url == null || url.isBlank()) {
            throw new InfluxConfigException("InfluxDB url is not set: put url=http://host:8086 in "
                    + defaultFile(env) + " (or the file you give) or set CELLBENCH_INFLUX_URL");
        }
        String db = v.get("database");
        if (db == null || db.isBlank()) {
            throw new InfluxConfigException("InfluxDB database is not set: put database=… in "
                    + defaultFile(env) + " (or the file you give) or set CELLBENCH_INFLUX_DB");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InfluxConfigException(sources.get("url") + ": not a URL" + (url.contains("@") ? "" : ": " + url));
        }
        if (uri.getUserInfo() != null) {
            throw new InfluxConfigException(sources.get("url")
                    + ": the URL must not carry user:password; use the user and password settings");
        }
        Path spool = v.containsKey("spool-dir") ? Path.of(v.get("spool-dir")) : defaultSpoolDirectory(env, db);
        InfluxConfig c = InfluxConfig.of(uri, db.trim(), spool);
        try {
            return new InfluxConfig(c.url(), c.database(), v.getOrDefault("retention-policy", ""),
                    v.getOrDefault("user", ""), Secret.of(v.get("password")), Secret.of(v.get("token")),
                    intValue(v, sources, "batch-size", c.batchSize()),
                    v.containsKey("fsync") ? fsync(v, sources) : c.fsync(),
                    duration(v, sources, "fsync-interval", c.fsyncInterval()),
                    spool,
                    duration(v, sources, "flush-interval", c.flushInterval()),
                    duration(v, sources, "retry-initial", c.retryInitial()),
                    duration(v, sources, "retry-max", c.retryMax()),
                    duration(v, sources, "request-timeout", c.requestTimeout()),
                    duration(v, sources, "close-timeout", c.closeTimeout()),
                    longValue(v, sources, "backlog-alarm-lines", c.backlogAlarmLines()),
                    v.containsKey("gzip") ? bool(v, sources, "gzip") : c.gzip());
        } catch (IllegalArgumentException e) {
            throw new InfluxConfigException(e.getMessage());
        }
    }

    private static SpoolFsync fsync(Map<String, String> v, Map<String, String> sources) throws InfluxConfigException {
        try {
            return SpoolFsync.parse(v.get("fsync"));
        } catch (IllegalArgumentException e) {
            throw new InfluxConfigException(sources.get("fsync") + ": " + e.getMessage());
        }
    }

    private static int intValue(Map<String, String> v, Map<String, String> sources, String key, int dflt)
            throws InfluxConfigException {
        long value = longValue(v, sources, key, dflt);
        if (value > Integer.MAX_VALUE) {
            throw new InfluxConfigException(sources.get(key) + ": " + value + " is too large");
        }
        return (int) value;
    }

    private static long longValue(Map<String, String> v, Map<String, String> sources, String key, long dflt)
            throws InfluxConfigException {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s.replace("_", "").replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new InfluxConfigException(sources.get(key) + ": '" + s + "' is not a whole number");
        }
    }

    private static boolean bool(Map<String, String> v, Map<String, String> sources, String key)
            throws InfluxConfigException {
        String s = v.get(key).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InfluxConfigException(sources.get(key) + ": '" + s + "' is not true or false");
        };
    }

    /** Durations: {@code 500ms}, {@code 1s}, {@code 1.5 s}, {@code 2min}/{@code 2m}, {@code 1h}, or ISO-8601 {@code PT1S}. */
    static Duration duration(Map<String, String> v, Map<String, String> sources, String key, Duration dflt)
            throws InfluxConfigException {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                case "m", "min" -> n * 60_000;
                default -> n * 3_600_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            return Duration.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new InfluxConfigException(sources.get(key) + ": '" + s + "' is not a duration (e.g. 500ms, 1s, 2min, 1h)");
        }
    }
}
