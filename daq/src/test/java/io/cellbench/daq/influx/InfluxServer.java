package io.cellbench.daq.influx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway InfluxDB 1.x server for tests: Debian's {@code influxd} as a child process,
 * with its own temporary directory and free ports on 127.0.0.1 (nothing listens on any
 * other address). As root it runs as {@code nobody} through {@code setpriv}. It can be killed
 * ({@code kill -9}) and restarted on the same data and port, to play an outage.
 *
 * <p>If {@code influxd} is not installed the test fails, saying how to install it: tests
 * that cannot run are failures here, never skips.
 */
public final class InfluxServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final int httpPort;
    private final int rpcPort;
    private final boolean authEnabled;
    private Process process;

    private InfluxServer(Path dir, int httpPort, int rpcPort, boolean authEnabled) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
        this.authEnabled = authEnabled;
    }

    /** Starts a server and waits until it answers {@code /ping}. */
    public static InfluxServer start() {
        return start(false);
    }

    /** Starts a server with {@code auth-enabled} (create the first admin with {@link #createAdmin}). */
    public static InfluxServer start(boolean authEnabled) {
        InfluxServer server = prepare(authEnabled);
        server.startProcess();
        return server;
    }

    /** Prepares a server (directory, ports, config) without starting it: for "the server comes later". */
    public static InfluxServer prepare(boolean authEnabled) {
        Path influxd = findInfluxd();
        if (influxd == null) {
            throw new AssertionError("influxd (InfluxDB 1.x) is not installed, and these tests need a real server."
                    + " Run ./run-tests, which installs it, or: apt-get install influxdb influxdb-client");
        }
        try {
            Path dir = Files.createTempDirectory("cellbench-influxd-");
            InfluxServer server = new InfluxServer(dir, freePort(), freePort(), authEnabled);
            server.writeConfig();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public int port() {
        return httpPort;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts (or restarts, on the same data directory and ports) the server process. */
    public void startProcess() {
        if (isRunning()) {
            throw new IllegalStateException("influxd is already running");
        }
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // influxd does not need root; run it as nobody, as a service would.
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            chownToNobody();
        }
        command.addAll(List.of(findInfluxd().toString(), "run", "-config", dir.resolve("influxd.conf").toString()));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start influxd", e);
        }
        awaitPing(Duration.ofSeconds(20));
    }

    /** {@code kill -9}: the server vanishes mid-whatever, as in a crash. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** A clean stop (SIGTERM). */
    public void stop() {
        if (process != null) {
            process.destroy();
            waitFor(process);
        }
    }

    /** Creates a database (on an auth-enabled server, as the given admin). */
    public void createDatabase(String db) {
        query(null, "CREATE DATABASE \"" + db + "\"", null, null);
    }

    /** Creates the first admin user of an auth-enabled server. */
    public void createAdmin(String user, String password) {
        query(null, "CREATE USER \"" + user + "\" WITH PASSWORD '" + password + "' WITH ALL PRIVILEGES", null, null);
    }

    /** Runs an InfluxQL statement and returns the JSON answer (epoch=ns). */
    public String query(String db, String q) {
        return query(db, q, null, null);
    }

    public String query(String db, String q, String user, String password) {
        StringBuilder url = new StringBuilder(url() + "/query?epoch=ns&q=" + enc(q));
        if (db != null) {
            url.append("&db=").append(enc(db));
        }
        if (user != null) {
            url.append("&u=").append(enc(user)).append("&p=").append(enc(password));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("InfluxDB query " + q + " failed: HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The single number a {@code SELECT count(x)} answers (0 when there are no points). */
    public long count(String db, String countQuery) {
        return count(db, countQuery, null, null);
    }

    public long count(String db, String countQuery, String user, String password) {
        String json = query(db, countQuery, user, password);
        int values = json.indexOf("\"values\":[[");
        if (values < 0) {
            return 0;
        }
        String row = json.substring(values + 11, json.indexOf("]", values));
        String[] cells = row.split(",");
        return Long.parseLong(cells[1].trim());
    }

    /** Posts raw line protocol (to set up a conflict, or for the benchmark's baseline). */
    public int write(String db, String lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/write?precision=ns&db=" + enc(db)))
                .POST(HttpRequest.BodyPublishers.ofString(lines)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is not worth failing a test for.
        }
    }

    // ---- internals ----

    private void writeConfig() throws IOException {
        String config = """
                reporting-enabled = false
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                  auth-enabled = %s
                [logging]
                  level = "warn"
                [continuous_queries]
                  enabled = false
                """.formatted(rpcPort, dir, dir, dir, httpPort, authEnabled);
        Files.writeString(dir.resolve("influxd.conf"), config);
    }

    private void awaitPing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("influxd exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (HTTP.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("influxd did not answer /ping within " + timeout.toSeconds() + " s: " + log());
    }

    private String log() {
        try {
            String log = Files.readString(dir.resolve("influxd.log"));
            return log.length() > 2000 ? log.substring(log.length() - 2000) : log;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void chownToNobody() {
        try {
            Process p = new ProcessBuilder("chown", "-R", "nobody:nogroup", dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new AssertionError("chown nobody " + dir + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void waitFor(Process p) {
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path findInfluxd() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, "influxd");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path usr = Path.of("/usr/bin/influxd");
        return Files.isExecutable(usr) ? usr : null;
    }

    /** A port free right now on 127.0.0.1 (opened on port 0 and closed again). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
