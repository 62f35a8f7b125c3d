package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's access rules, on 127.0.0.1 only: token mode (what a --bind beyond loopback
 * turns on) enabled here on loopback through the constructor flag.
 */
class LiveServerTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunDirectorySource source;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (source != null) {
            source.close();
        }
    }

    private URI start(AccessToken token) throws IOException {
        source = new RunDirectorySource(dir);
        server = LiveServer.start(source, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token);
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withATokenEveryRequestNeedsIt() throws Exception {
        AccessToken token = AccessToken.generate();
        URI base = start(token);
        assertEquals(401, get(base.resolve("api/cells"), null).statusCode());
        assertEquals(401, get(base, null).statusCode());
        assertEquals(401, get(base.resolve("app.js"), null).statusCode());
        assertEquals(401, get(base.resolve("api/cells?token=wrong"), null).statusCode());
        assertEquals(401, get(base.resolve("api/cells"), AccessToken.COOKIE + "=wrong").statusCode());
        String body401 = get(base.resolve("api/cells"), null).body();
        assertFalse(body401.contains(token.value()), "the refusal must not reveal the token");

        HttpResponse<String> ok = get(base.resolve("api/cells?token=" + token.value()), null);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().startsWith("{\"run_id\":\"\",\"live\":false,\"cells\":[]"), ok.body());
        assertEquals(200, get(base.resolve("api/cells"), "other=1; " + AccessToken.COOKIE + "=" + token.value())
                .statusCode());

        // opening the printed URL: a cookie for the page's own requests, and the token leaves the address bar
        HttpResponse<String> page = get(base.resolve("?token=" + token.value()), null);
        assertEquals(303, page.statusCode());
        assertEquals("/", page.headers().firstValue("Location").orElseThrow());
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith(AccessToken.COOKIE + "=" + token.value() + ";"), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        HttpResponse<String> html = get(base, AccessToken.COOKIE + "=" + token.value());
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<canvas id=\"voltage\""), html.body());
        assertEquals(base.resolve("?token=" + token.value()), server.url());
    }

    @Test
    void withoutATokenLoopbackIsOpenAndTheUrlHasNoToken() throws Exception {
        URI base = start(null);
        assertEquals(200, get(base.resolve("api/cells"), null).statusCode());
        assertEquals(base, server.url());
        HttpResponse<String> js = get(base.resolve("app.js"), null);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, get(base.resolve("api/cells/nobody/series"), null).statusCode());
        assertEquals(404, get(base.resolve("etc/passwd"), null).statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("api/cells"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void withoutATokenOnlyLoopbackHostNamesAreAnswered() throws Exception {
        start(null);
        // a page elsewhere that rebinds its DNS name to 127.0.0.1 sends its own name as Host
        assertEquals(403, rawStatus("evil.example:" + server.port()));
        assertEquals(200, rawStatus("localhost:" + server.port()));
        assertEquals(200, rawStatus("127.0.0.1:" + server.port()));
        assertEquals(200, rawStatus("[::1]:" + server.port()));
        // issue 11: serve --bind 127.0.0.2 printed http://127.0.0.2:…/, which answered 403. Every
        // literal address of the loopback network is this machine (a literal cannot be rebound)
        assertEquals(200, rawStatus("127.0.0.2:" + server.port()));
        assertEquals(200, rawStatus("127.1.2.3:" + server.port()));
        assertEquals(403, rawStatus("127.0.0.2.nip.io:" + server.port()));
        assertEquals(403, rawStatus("127.0.0.256:" + server.port()));
    }

    @Test
    void theTokenFileIsTheOwnersAlone() throws Exception {
        AccessToken token = AccessToken.generate();
        Path file = dir.resolve(AccessToken.FILE);
        Files.writeString(file, "an earlier token");
        token.writeTo(file);
        assertEquals(token.value() + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(token.toString().contains(token.value()));
        assertTrue(token.value().length() >= 32, token.value());
        assertFalse(AccessToken.generate().value().equals(token.value()));
        assertFalse(token.matches(null));
        assertFalse(token.matches(token.value() + "x"));
        assertTrue(token.matches(token.value()));
    }

    @Test
    void everyAddressButLoopbackNeedsTheToken() throws Exception {
        // decided without binding: the tests never listen beyond 127.0.0.1
        assertTrue(ServeAddress.needsToken(InetAddress.getByName("0.0.0.0")));
        assertTrue(ServeAddress.needsToken(InetAddress.getByName("::")));
        assertTrue(ServeAddress.needsToken(InetAddress.getByName("192.168.10.23")));
        assertFalse(ServeAddress.needsToken(InetAddress.getByName("127.0.0.1")));
        assertFalse(ServeAddress.needsToken(InetAddress.getByName("::1")));
    }

    @Test
    void stoppingRemovesTheTokenFileWhenAskedTo() throws Exception {
        Path file = dir.resolve(AccessToken.FILE);
        AccessToken token = AccessToken.generate();
        token.writeTo(file);
        start(token);
        server.afterClose(() -> file.toFile().delete());
        server.close();
        server = null;
        assertFalse(Files.exists(file));
    }

    private int rawStatus(String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/cells HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
