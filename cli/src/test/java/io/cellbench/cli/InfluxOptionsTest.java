package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.UserError;
import io.cellbench.daq.influx.InfluxConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server and database may come from the command line; credentials only from the file and environment. */
class InfluxOptionsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(warnings, true, StandardCharsets.UTF_8);

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", tmp.toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void optionsWinOverTheEnvironmentAndCredentialsComeFromIt() {
        InfluxOptions o = new InfluxOptions();
        o.url = "http://127.0.0.1:9999";
        o.database = "lab";
        InfluxConfig c = o.load(env("CELLBENCH_INFLUX_URL", "http://127.0.0.1:1111", "CELLBENCH_INFLUX_DB", "other",
                "CELLBENCH_INFLUX_USER", "tech", "CELLBENCH_INFLUX_PASSWORD", "s3cret"), err).config();
        assertEquals(URI.create("http://127.0.0.1:9999"), c.url());
        assertEquals("lab", c.database());
        assertEquals("tech", c.user());
        assertEquals("s3cret", c.password().reveal());
        assertFalse(c.toString().contains("s3cret"));
    }

    @Test
    void theFileGivesSettingsAndTheOptionsTheServer() throws Exception {
        Path file = tmp.resolve("influx.properties");
        Files.writeString(file, "url = http://127.0.0.1:1111\ndatabase = cells\ntoken = abc\nretry-max = 2s\n");
        InfluxOptions o = new InfluxOptions();
        o.url = "http://127.0.0.1:2222";
        o.configFile = file;
        InfluxConfig c = o.load(env(), err).config();
        assertEquals(URI.create("http://127.0.0.1:2222"), c.url());
        assertEquals("cells", c.database());
        assertEquals("abc", c.token().reveal());
        assertEquals(java.time.Duration.ofSeconds(2), c.retryMax());
    }

    @Test
    void influxIsOnlyUsedWhenAskedFor() {
        assertFalse(new InfluxOptions().requested(env()));
        assertTrue(new InfluxOptions().requested(env("CELLBENCH_INFLUX_URL", "http://127.0.0.1:8086")));
        InfluxOptions o = new InfluxOptions();
        o.url = "http://127.0.0.1:8086";
        assertTrue(o.requested(env()));
        UserError e = assertThrows(UserError.class, () -> o.load(env(), err));
        assertTrue(e.getMessage().contains("--db"), e.getMessage());
    }

    @Test
    void thereIsNoOptionForAPassword() {
        Console c = Console.run("data", "raw", "--influx", "http://127.0.0.1:8086", "--db", "lab", "--password", "x");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("Unknown option"), c.err());
        Console none = Console.run("data", "export", "-o", tmp.resolve("x").toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("a run directory, or --influx URL --db NAME"), none.err());
    }
}
