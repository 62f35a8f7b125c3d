package io.cellbench.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.testing.ProjectFiles;
import java.io.IOException;
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
 * java.net.http (no Selenium). chromedriver listens on loopback only ({@link ChromedriverProcess}).
 */
final class WebDriver implements AutoCloseable {
    // where scripts/browser.env says: the same rule run-tests installs and checks by
    static final Path CHROMIUM = Path.of(ProjectFiles.setting("scripts/browser.env", "CHROMIUM"));
    static final Path CHROMEDRIVER = Path.of(ProjectFiles.setting("scripts/browser.env", "CHROMEDRIVER"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromedriverProcess driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String session;

    private WebDriver(ChromedriverProcess driver, URI base, String session) {
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
        ChromedriverProcess p = ChromedriverProcess.start(CHROMEDRIVER);
        URI base = URI.create("http://127.0.0.1:" + p.port + "/");
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
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            p.close();
            throw e;
        }
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
            driver.close();
        }
    }
}
