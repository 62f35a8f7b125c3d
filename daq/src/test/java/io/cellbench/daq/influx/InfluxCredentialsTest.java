package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.Await;
import io.cellbench.testing.InfluxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an auth-enabled influxd: a password never shows up in any text the sink produces. */
class InfluxCredentialsTest {

    static final String PASSWORD = "Pa55-w0rd_never_shown";
    static final String WRONG = "wrong-Pa55-also-never_shown";

    @TempDir
    Path tmp;

    @Test
    void thePasswordAppearsInNoNoticeStatusReportOrMessageRightOrWrong() throws Exception {
        List<String> texts = new ArrayList<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (InfluxServer server = InfluxServer.start(true)) {
            server.createAdmin("admin", "admin-secret");
            server.query(null, "CREATE DATABASE lab", "admin", "admin-secret");
            server.query(null, "CREATE USER writer WITH PASSWORD '" + PASSWORD + "'", "admin", "admin-secret");
            server.query(null, "GRANT WRITE ON lab TO writer", "admin", "admin-secret");

            Path file = tmp.resolve("influx.properties");
            Files.writeString(file, "url = " + server.url() + "\ndatabase: lab\nuser = writer\npassword = \"" + WRONG
                    + "\"\nspool-dir = " + tmp.resolve("spool") + "\nretry-initial = 50ms\nretry-max = 200ms\nclose-timeout = 2s\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            InfluxConfigLoader.Loaded loaded = InfluxConfigLoader.load(file, Map.of());
            assertEquals(WRONG, loaded.config().password().reveal());
            assertTrue(loaded.warnings().getFirst().contains("chmod 600"), loaded.warnings().toString());
            texts.addAll(loaded.warnings());
            texts.add(loaded.config().toString());

            // Wrong password: refused, alarmed, nothing lost, nothing revealed (default console notices too).
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            try (InfluxSink sink = InfluxSink.builder(loaded.config()).run("r").open()) {
                for (int i = 0; i < 500; i++) {
                    sink.on(TestData.recorded("P1", i));
                }
                // the server checks passwords with bcrypt: a few hundred ms
                Await.until("the server refused the password", () -> !sink.status().lastError().isEmpty());
                InfluxSinkStatus status = sink.status();
                assertFalse(status.serverReachable());
                assertTrue(status.lastError().contains("authorization failed"), status.lastError());
                texts.add(status.toString());
                DrainReport report = sink.drainAndClose(Duration.ofMillis(300));
                assertFalse(report.drained(), report.toString());
                assertTrue(report.linesLeft() >= 500, report.message());
                texts.add(report.message());
                texts.add(report.toString());
            } finally {
                System.setErr(originalErr);
            }
            String consoleText = console.toString(StandardCharsets.UTF_8);
            assertTrue(consoleText.contains("refuses writes (HTTP 401"), consoleText);
            texts.add(consoleText);

            // Right password, same spool: everything arrives.
            List<SinkNotice> notices = new CopyOnWriteArrayList<>();
            InfluxConfig right = loaded.config().withCredentials("writer", Secret.of(PASSWORD));
            texts.add(right.toString());
            try (InfluxSink sink = InfluxSink.builder(right).run("r").notices(notices::add).open()) {
                DrainReport report = sink.drainAndClose(TestData.DRAIN);
                assertTrue(report.drained(), report.message());
                texts.add(report.toString());
            }
            notices.forEach(n -> texts.add(n.toString()));
            assertEquals(500, server.count("lab", "SELECT count(voltage_volt) FROM samples", "admin", "admin-secret"));
        } catch (AssertionError e) {
            texts.add(String.valueOf(e.getMessage()));
            throw e;
        }
        for (String text : texts) {
            assertFalse(text.contains(PASSWORD), "password leaked in: " + text);
            assertFalse(text.contains(WRONG), "password leaked in: " + text);
        }
    }

    @Test
    void configurationErrorsNeverEchoCredentials() {
        InfluxConfigException e = assertThrows(InfluxConfigException.class, () -> InfluxConfigLoader.load(null,
                Map.of("CELLBENCH_INFLUX_URL", "http://writer:" + PASSWORD + "@127.0.0.1:8086",
                        "CELLBENCH_INFLUX_DB", "lab", "HOME", tmp.toString())));
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertTrue(e.getMessage().contains("must not carry user:password"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> InfluxConfig.of(
                java.net.URI.create("http://u:" + PASSWORD + "@127.0.0.1:8086"), "lab", tmp));
        assertFalse(e2.getMessage().contains(PASSWORD), e2.getMessage());
        InfluxConfig withToken = InfluxConfig.of(java.net.URI.create("http://127.0.0.1:8086"), "lab", tmp)
                .withToken(Secret.of(PASSWORD)).withCredentials("u", Secret.of(PASSWORD));
        assertFalse(withToken.toString().contains(PASSWORD), withToken.toString());
        assertTrue(withToken.toString().contains("password=****, token=****"), withToken.toString());
    }
}
