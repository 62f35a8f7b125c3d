package io.cellbench.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.testing.ProjectFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Headless Chromium through chromedriver, spoken to in WebDriver's HTTP JSON protocol with
 * java.net.http (no Selenium). chromedriver listens on 127.0.0.1 only.
 */
final class WebDriver implements AutoCloseable {
    // where scripts/browser.env says: the same rule run-tests installs and checks by
    static final Path CHROMIUM = Path.of(ProjectFiles.setting("scripts/browser.env", "CHROMIUM"));
    static final Path CHROMEDRIVER = Path.of(ProjectFiles.setting("scripts/browser.env", "CHROMEDRIVER"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String session;

    private WebDriver(Process driver, URI base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    /** Fails with what to do when Debian's chromium or chromium-driver is not installed. */
    static void requireInstalled() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError(p + " is missing: the live-page browser test needs Debian's chromium and "
                        + "chromium-driver; run ./run-tests (scripts/install-test-deps.sh installs them)");
            }
        }
    }

    static WebDriver start(Path userDataDir, int width, int height) throws IOException, InterruptedException {
        requireInstalled();
        HttpClient probe = HttpClient.newHttpClient();
        Process p = null;
        URI base = null;
        // The port is free when chosen but closed again before chromedriver binds it, so another
        // process may take it first: then chromedriver exits at once, and a fresh port is tried.
        for (int attempt = 1; p == null; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            base = URI.create("http://127.0.0.1:" + port + "/");
            Process started = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (awaitReady(started, probe, base)) {
                p = started;
            } else if (attempt == 3 || started.isAlive()) {
                String why = started.isAlive() ? "not ready within 60 s" : "exited with " + started.exitValue();
                started.destroyForcibly();
                throw new AssertionError("chromedriver did not start on 127.0.0.1:" + port + ": " + why);
            }
        }
        ObjectNode caps = JSON.createObjectNode();
        ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        ObjectNode chrome = always.putObject("goog:chromeOptions");
        chrome.put("binary", CHROMIUM.toString());
        var args = chrome.putArray("args");
        for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--user-data-dir=" + userDataDir.toAbsolutePath())) {
            args.add(a);
        }
        try {
            JsonNode created = call(probe, "POST", base.resolve("session"), caps);
            return new WebDriver(p, base, created.path("sessionId").asText());
        } catch (IOException | RuntimeException | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * Waits until chromedriver answers /status ready; false when it exited first (its port was
     * taken) or did not get ready within 60 s (it is then still alive).
     */
    private static boolean awaitReady(Process p, HttpClient probe, URI base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = probe.send(HttpRequest.newBuilder(base.resolve("status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                // alive after answering: the answer came from this chromedriver, not another on the port
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("value").path("ready").asBoolean()
                        && p.isAlive()) {
                    return true;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        return false;
    }

    void open(String url) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("url", url);
        call(http, "POST", endpoint("url"), body);
    }

    /** Runs {@code script} (a function body: use {@code return}) in the page. */
    JsonNode execute(String script) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return call(http, "POST", endpoint("execute/sync"), body);
    }

    byte[] screenshotPng() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call(http, "GET", endpoint("screenshot"), null).asText());
    }

    private URI endpoint(String command) {
        return base.resolve("session/" + session + "/" + command);
    }

    private static JsonNode call(HttpClient client, String method, URI uri, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(r.body()).path("value");
        if (r.statusCode() != 200) {
            throw new AssertionError("WebDriver " + method + " " + uri.getPath() + " failed: " + r.statusCode()
                    + " " + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    @Override
    public void close() {
        try {
            call(http, "DELETE", base.resolve("session/" + session), null);
        } catch (IOException | RuntimeException | AssertionError e) {
            // the browser is going away with the driver anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                driver.destroyForcibly();
            }
        }
    }
}
