package io.cellbench.daq.influx;

import io.cellbench.daq.spool.SpoolFsync;
import io.cellbench.daq.spool.SpoolOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how an {@link InfluxSink} writes: the server (v1 {@code /write} API: InfluxDB 1.x,
 * or 2.x/3.x through their v1 compatibility endpoint), the database and retention policy,
 * the credentials, and the local spool that keeps every point until the server has it.
 * Load it with {@link InfluxConfigLoader}; {@code toString} masks the password and token.
 *
 * @param url              server base URL, e.g. {@code http://127.0.0.1:8086}; never with user:password in it
 * @param database         database (InfluxDB 2/3: the bucket's v1 name)
 * @param retentionPolicy  retention policy, or empty for the database's default
 * @param user             user name, or empty
 * @param password         password for {@code user}
 * @param token            API token (InfluxDB 2/3), sent as {@code Authorization: Token …}; wins over user/password
 * @param batchSize        lines per POST (InfluxData recommends about 5,000)
 * @param fsync            when spooled lines are forced to disk
 * @param fsyncInterval    the interval of {@link SpoolFsync#INTERVAL}
 * @param spoolDirectory   where lines wait for the server (one process per directory)
 * @param flushInterval    the longest a line waits for a batch to fill before it is sent anyway
 * @param retryInitial     first delay after a failed POST; doubles per failure, with jitter
 * @param retryMax         the longest delay between retries
 * @param requestTimeout   connect/read/write timeout of one POST
 * @param closeTimeout     how long closing the sink waits for the spool to drain
 * @param backlogAlarmLines backlog that raises the first alarm; each further ×10 raises another
 * @param gzip             compress request bodies
 */
public record InfluxConfig(
        URI url,
        String database,
        String retentionPolicy,
        String user,
        Secret password,
        Secret token,
        int batchSize,
        SpoolFsync fsync,
        Duration fsyncInterval,
        Path spoolDirectory,
        Duration flushInterval,
        Duration retryInitial,
        Duration retryMax,
        Duration requestTimeout,
        Duration closeTimeout,
        long backlogAlarmLines,
        boolean gzip) {

    public static final int DEFAULT_BATCH_SIZE = 5_000;
    public static final long DEFAULT_BACKLOG_ALARM_LINES = 100_000;

    public InfluxConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("the InfluxDB url must not carry user:password; set user and password instead");
        }
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("InfluxDB url " + url + " is not an http:// or https:// URL with a host");
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB database is not set");
        }
        retentionPolicy = retentionPolicy == null ? "" : retentionPolicy;
        user = user == null ? "" : user;
        password = password == null ? Secret.none() : password;
        token = token == null ? Secret.none() : token;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1 line");
        }
        Objects.requireNonNull(fsync, "fsync");
        requirePositive(fsyncInterval, "fsync interval");
        requirePositive(flushInterval, "flush interval");
        requirePositive(retryInitial, "retry initial delay");
        requirePositive(retryMax, "retry maximum delay");
        requirePositive(requestTimeout, "request timeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (backlogAlarmLines < 1) {
            throw new IllegalArgumentException("backlog alarm must be at least 1 line");
        }
    }

    /** A configuration with the defaults for everything but the server, database and spool. */
    public static InfluxConfig of(URI url, String database, Path spoolDirectory) {
        return new InfluxConfig(url, database, "", "", Secret.none(), Secret.none(), DEFAULT_BATCH_SIZE,
                SpoolFsync.INTERVAL, SpoolOptions.DEFAULT_FSYNC_INTERVAL, spoolDirectory, Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30),
                DEFAULT_BACKLOG_ALARM_LINES, true);
    }

    public SpoolOptions spoolOptions() {
        return new SpoolOptions(fsync, fsyncInterval, SpoolOptions.DEFAULT_SEGMENT_BYTES);
    }

    public InfluxConfig withCredentials(String user, Secret password) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withToken(Secret token) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withBatchSize(int lines) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, lines, fsync,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withFsync(SpoolFsync policy) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, batchSize, policy,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withSpoolDirectory(Path dir) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, dir, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withUrl(URI newUrl) {
        return new InfluxConfig(newUrl, database, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withDatabase(String db) {
        return new InfluxConfig(url, db, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withTimings(Duration flush, Duration retryFirst, Duration retryLongest, Duration close) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, spoolDirectory, flush, retryFirst, retryLongest, requestTimeout, close,
                backlogAlarmLines, gzip);
    }

    public InfluxConfig withBacklogAlarmLines(long lines) {
        return new InfluxConfig(url, database, retentionPolicy, user, password, token, batchSize, fsync,
                fsyncInterval, spoolDirectory, flushInterval, retryInitial, retryMax, requestTimeout, closeTimeout,
                lines, gzip);
    }

    @Override
    public String toString() {
        return "InfluxConfig[url=" + url + ", database=" + database
                + (retentionPolicy.isEmpty() ? "" : ", retentionPolicy=" + retentionPolicy)
                + (user.isEmpty() ? "" : ", user=" + user)
                + ", password=" + password + ", token=" + token
                + ", batchSize=" + batchSize + ", fsync=" + fsync
                + (fsync == SpoolFsync.INTERVAL ? " every " + fsyncInterval.toMillis() + " ms" : "")
                + ", spoolDirectory=" + spoolDirectory + ", flushInterval=" + flushInterval.toMillis() + " ms"
                + ", retry=" + retryInitial.toMillis() + "…" + retryMax.toMillis() + " ms"
                + ", requestTimeout=" + requestTimeout.toMillis() + " ms"
                + ", closeTimeout=" + closeTimeout.toMillis() + " ms"
                + ", backlogAlarmLines=" + backlogAlarmLines + ", gzip=" + gzip + "]";
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0");
        }
    }
}
