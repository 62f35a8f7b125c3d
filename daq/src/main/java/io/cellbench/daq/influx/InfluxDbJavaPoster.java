package io.cellbench.daq.influx;

import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBIOException;

/**
 * Posts lines to the v1 {@code /write} endpoint ({@code precision=ns}, gzip) through
 * influxdb-java, and sorts the outcome into retry-later, fix-the-settings and bad-lines.
 * influxdb-java reports only the error text; the HTTP status is taken from the response by
 * an OkHttp interceptor, because 413 (too large) and 401/404 must be told apart from 400.
 * Only one thread posts at a time (the sink's writer).
 */
final class InfluxDbJavaPoster implements LinePoster {

    private final InfluxDB influx;
    private final String database;
    private final String retentionPolicy;
    private final String target;
    private final Dispatcher dispatcher = new Dispatcher();
    private volatile int lastStatus;

    InfluxDbJavaPoster(InfluxConfig config) {
        OkHttpClient.Builder http = InfluxConnection.http(config)
                .dispatcher(dispatcher) // shared with the client influxdb-java builds, so cancel() reaches it
                .writeTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addNetworkInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    lastStatus = response.code();
                    return response;
                });
        this.influx = InfluxConnection.connect(config, http);
        if (config.gzip()) {
            influx.enableGzip();
        }
        this.database = config.database();
        this.retentionPolicy = config.retentionPolicy().isEmpty() ? null : config.retentionPolicy();
        this.target = config.url() + " database " + database
                + (retentionPolicy == null ? "" : " retention policy " + retentionPolicy);
    }

    @Override
    public PostResult post(String lines) {
        lastStatus = 0;
        try {
            influx.write(database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, lines);
            return new PostResult.Written();
        } catch (InfluxDBIOException e) {
            return new PostResult.Unavailable(describe(e));
        } catch (InfluxDBException e) {
            return classify(lastStatus, e);
        }
    }

    static PostResult classify(int status, InfluxDBException e) {
        String message = (status > 0 ? "HTTP " + status + ": " : "") + firstLine(e.getMessage());
        if (status == 413) {
            return new PostResult.BadLines(status, message);
        }
        if (e instanceof InfluxDBException.UnableToParseException
                || e instanceof InfluxDBException.FieldTypeConflictException
                || e instanceof InfluxDBException.PointsBeyondRetentionPolicyException) {
            return new PostResult.BadLines(status, message);
        }
        if (status >= 400 && status < 500) {
            return new PostResult.Refused(status, message);
        }
        return new PostResult.Unavailable(message);
    }

    @Override
    public void cancel() {
        dispatcher.cancelAll();
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public void close() {
        influx.close();
    }

    private static String describe(InfluxDBIOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null ? "" : ": " + firstLine(text));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
