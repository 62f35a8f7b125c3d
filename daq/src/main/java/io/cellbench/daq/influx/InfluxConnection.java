package io.cellbench.daq.influx;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * Connects influxdb-java to a configured server the one way cellbench does, for writing and for
 * reading: a token (InfluxDB 2's compatibility API) as an Authorization header, else user and
 * password when given, and the library's own request logging off.
 */
final class InfluxConnection {
    private InfluxConnection() {
    }

    /** An HTTP client with the configured request timeout (connecting: 10 s at most). */
    static OkHttpClient.Builder http(InfluxConfig config) {
        return new OkHttpClient.Builder()
                .connectTimeout(Math.min(config.requestTimeout().toMillis(), 10_000), TimeUnit.MILLISECONDS)
                .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    static InfluxDB connect(InfluxConfig config, OkHttpClient.Builder http) {
        if (config.token().isPresent()) {
            String header = "Token " + config.token().reveal();
            http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .header("Authorization", header).build()));
        }
        String url = config.url().toString();
        InfluxDB influx = !config.token().isPresent() && !config.user().isEmpty()
                ? InfluxDBFactory.connect(url, config.user(), config.password().reveal(), http)
                : InfluxDBFactory.connect(url, http);
        influx.setLogLevel(InfluxDB.LogLevel.NONE);
        return influx;
    }
}
