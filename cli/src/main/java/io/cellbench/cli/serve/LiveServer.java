package io.cellbench.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live page's HTTP server (the JDK's own com.sun.net.httpserver): the page itself from
 * the class path, {@code /api/cells} and {@code /api/cells/{id}/series}. Read-only: only GET
 * and HEAD are answered.
 *
 * <p>Without a token it is meant for 127.0.0.1 and answers only requests whose Host header
 * names this machine's loopback, so a web page elsewhere cannot read it through DNS
 * rebinding. With a token every request must carry it, as {@code ?token=} or as the cookie
 * the page gets on its first visit.
 */
public final class LiveServer implements AutoCloseable {
    static final int DEFAULT_MAX_POINTS = 2000;
    static final int LIMIT_MAX_POINTS = 20_000;
    private static final String RESOURCES = "/io/cellbench/cli/serve/";
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css");

    private final HttpServer server;
    private final ExecutorService executor;
    private final CellSource source;
    private final AccessToken token;
    private volatile Runnable afterClose = () -> { };

    private LiveServer(HttpServer server, ExecutorService executor, CellSource source, AccessToken token) {
        this.server = server;
        this.executor = executor;
        this.source = source;
        this.token = token;
    }

    /**
     * Starts serving {@code source} on {@code address}.
     *
     * @param token required on every request when not {@code null}
     */
    public static LiveServer start(CellSource source, InetSocketAddress address, AccessToken token) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        LiveServer live = new LiveServer(server, executor, source, token);
        server.createContext("/", live::handle);
        server.setExecutor(executor);
        server.start();
        return live;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The address to open: loopback or the bound address, or for a wildcard bind this
     * machine's first non-loopback address; with the token when one is required.
     */
    public URI url() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? NetworkAddresses.firstSiteAddress().orElse("localhost")
                : a.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/" + (token == null ? "" : "?token=" + token.value()));
    }

    /** Something to do once the server has stopped (remove the token file). */
    void afterClose(Runnable action) {
        this.afterClose = action;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        afterClose.run();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            x.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            x.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                send(x, 405, "text/plain", "read-only: GET and HEAD only\n");
                return;
            }
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            if (token == null && !loopbackHost(x.getRequestHeaders().getFirst("Host"))) {
                send(x, 403, "text/plain", "this page answers only to localhost and 127.x.x.x addresses\n");
                return;
            }
            String path = x.getRequestURI().getPath();
            if (token != null) {
                boolean inQuery = token.matches(query.get("token"));
                if (!inQuery && !token.matches(cookie(x, AccessToken.COOKIE))) {
                    send(x, 401, "text/plain", "cellbench serve: this page needs its token. Open the URL that "
                            + "cellbench printed, or add ?token=… from the file " + AccessToken.FILE
                            + " in the run directory.\n");
                    return;
                }
                if (inQuery) {
                    x.getResponseHeaders().add("Set-Cookie", AccessToken.COOKIE + "=" + token.value()
                            + "; Path=/; HttpOnly; SameSite=Strict");
                    if (STATIC.containsKey(path) && path.equals("/")) {
                        // the cookie carries it from now on; keep the token out of the address bar
                        x.getResponseHeaders().set("Location", "/");
                        send(x, 303, "text/plain", "");
                        return;
                    }
                }
            }
            route(x, path, query);
        } catch (IOException | RuntimeException e) {
            // a dropped connection or a file that vanished: answer if still possible, never crash the server
            try {
                send(x, 500, "text/plain", "cellbench serve: " + e.getMessage() + "\n");
            } catch (IOException | RuntimeException ignored) {
                // the client is gone
            }
        }
    }

    private void route(HttpExchange x, String path, Map<String, String> query) throws IOException {
        String file = STATIC.get(path);
        if (file != null) {
            serveResource(x, file);
            return;
        }
        if (path.equals("/api/cells")) {
            x.getResponseHeaders().set("Cache-Control", "no-store");
            send(x, 200, "application/json", JsonWriter.cells(source.runId(), source.live(), source.cells()));
            return;
        }
        List<String> parts = List.of(x.getRequestURI().getRawPath().split("/"));
        // "", "api", "cells", "{id}", "series"
        if (parts.size() == 5 && parts.get(1).equals("api") && parts.get(2).equals("cells")
                && parts.get(4).equals("series")) {
            String id = URLDecoder.decode(parts.get(3), StandardCharsets.UTF_8);
            double since = number(query.get("since"), Double.NEGATIVE_INFINITY);
            int max = (int) Math.max(2, Math.min(LIMIT_MAX_POINTS, number(query.get("max"), DEFAULT_MAX_POINTS)));
            Optional<Series> series = source.series(id, since, max);
            if (series.isEmpty()) {
                send(x, 404, "application/json", JsonWriter.error("no cell " + id + " in this run"));
                return;
            }
            x.getResponseHeaders().set("Cache-Control", "no-store");
            send(x, 200, "application/json", JsonWriter.series(series.get()));
            return;
        }
        send(x, 404, "text/plain", "not found\n");
    }

    private void serveResource(HttpExchange x, String name) throws IOException {
        try (InputStream in = LiveServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                send(x, 500, "text/plain", "page resource missing from the build: " + name + "\n");
                return;
            }
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
            x.getResponseHeaders().set("Cache-Control", "no-cache");
            send(x, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static final java.util.regex.Pattern LOOPBACK_LITERAL =
            java.util.regex.Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

    static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        // any literal address of the loopback network (--bind 127.0.0.2 prints such a URL); a
        // name other than localhost could be rebound by DNS, a literal address cannot
        return name.equals("localhost") || LOOPBACK_LITERAL.matcher(name).matches();
    }

    private static String cookie(HttpExchange x, String name) {
        for (String header : x.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return part.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static double number(String text, double fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isNaN(v) ? fallback : v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
