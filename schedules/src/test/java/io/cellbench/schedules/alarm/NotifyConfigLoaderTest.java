package io.cellbench.schedules.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheExampleWithItsSecretsFromTheEnvironmentAndAFile() throws Exception {
        Path token = tmp.resolve("token");
        Files.writeString(token, "s3cret-token\n");
        Path file = write("""
                command:
                  run: [/usr/local/bin/page-technician, --team, batteries]
                  timeout: 20 s
                webhook:
                  url_env: LAB_WEBHOOK_URL
                  token_file: %s
                  timeout: 5 s
                send: [fault, safety_trip, silent_channel]
                rate_limit: 15 min
                retry:
                  attempts: 3
                  first_delay: 1 s
                silent_channel:
                  periods: 8
                  at_least: 4 s
                """.formatted(token));
        NotifyConfig c = NotifyConfigLoader.load(file, Map.of("LAB_WEBHOOK_URL", "https://chat.example/hooks/abc"));
        assertEquals(List.of("/usr/local/bin/page-technician", "--team", "batteries"), c.command());
        assertEquals(Duration.ofSeconds(20), c.commandTimeout());
        assertEquals("https://chat.example/hooks/abc", c.webhook().url().toString());
        assertEquals("s3cret-token", c.webhook().token());
        assertEquals(Duration.ofSeconds(5), c.webhook().timeout());
        assertEquals(Set.of(Alarm.Kind.FAULT, Alarm.Kind.SAFETY_TRIP, Alarm.Kind.SILENT_CHANNEL), c.send());
        assertEquals(Duration.ofMinutes(15), c.rateLimit());
        assertEquals(3, c.attempts());
        assertEquals(Duration.ofSeconds(1), c.firstRetry());
        assertEquals(8, c.silentPeriods());
        assertEquals(Duration.ofSeconds(4), c.silentAtLeast());
        assertFalse(c.toString().contains("abc") || c.toString().contains("s3cret"), c.toString());
    }

    @Test
    void everythingHasADefault() throws Exception {
        NotifyConfig c = NotifyConfigLoader.load(write("command:\n  run: [notify-send]\n"), Map.of());
        assertNull(c.webhook());
        assertEquals(Set.of(Alarm.Kind.values()), c.send());
        assertEquals(Duration.ofMinutes(10), c.rateLimit());
        assertEquals(5, c.silentPeriods());
    }

    @Test
    void mistakesPointIntoTheFile() throws Exception {
        error("command:\n  run: [x]\n  tiemout: 5 s\n", ":3:3:", "unknown key 'tiemout'");
        error("webhook:\n  url: https://chat.example/hooks/abc\n", ":2:3:", "is a secret and is not written in the notify file");
        error("webhook:\n  url_env: NOPE\n", ":2:12:", "the environment variable NOPE is not set");
        error("webhook:\n  url_file: secrets/url\n", ":2:13:", "a secret file is named by its absolute path");
        error("send: [fault, trip]\n", ":1:15:", "unknown alarm kind 'trip'");
        error("rate_limit: 10 parsecs\n", ":1:16:", "unknown unit 'parsecs'");
        error("silent_channel:\n  periods: 0\n", ":2:12:", "must be a whole number of at least 1");
        error("command:\n  run: [./notify.sh]\n", ":2:9:", "the program is an absolute path or a name on PATH");
        error("command:\n  timeout: 5 s\n", ":2:3:", "the command needs 'run:'");
    }

    @Test
    void checkingAFileDoesNotNeedItsSecretsButStillFindsItsMistakes() throws Exception {
        Path ok = write("webhook:\n  url_env: NOT_SET_HERE\n  token_file: /nonexistent/token\nrate_limit: 5 min\n");
        NotifyConfig c = NotifyConfigLoader.check(ok);
        assertNull(c.webhook().token());
        assertEquals(Duration.ofMinutes(5), c.rateLimit());
        assertTrue(NotifyConfigLoader.looksLikeNotify(io.cellbench.protocols.YamlDocument.read(ok).root()));
        assertFalse(NotifyConfigLoader.looksLikeNotify(io.cellbench.protocols.YamlDocument.parse(
                "name: x\nsteps: []\n", "p.yaml").root()), "a protocol is not a notify file");
        Path bad = write("webhook:\n  url_env: X\n  token: abc\n");
        var e = assertThrows(ProtocolException.class, () -> NotifyConfigLoader.check(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3:3:"), e.getMessage());
    }

    @Test
    void aBadUrlIsReportedWithoutShowingIt() throws Exception {
        Path file = write("webhook:\n  url_env: U\n");
        var e = assertThrows(ProtocolException.class,
                () -> NotifyConfigLoader.load(file, Map.of("U", "ftp://secret.example/x")));
        assertTrue(e.getMessage().contains("not an http(s) URL"), e.getMessage());
        assertFalse(e.getMessage().contains("secret.example"), e.getMessage());
    }

    private void error(String text, String at, String problem) throws Exception {
        Path file = write(text);
        var e = assertThrows(ProtocolException.class, () -> NotifyConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().startsWith(file + at), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private Path write(String text) throws Exception {
        Path p = tmp.resolve("notify-" + System.nanoTime() + ".yaml");
        Files.writeString(p, text);
        return p;
    }
}
