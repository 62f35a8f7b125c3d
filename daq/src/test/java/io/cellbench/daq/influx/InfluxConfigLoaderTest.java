package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.daq.spool.SpoolFsync;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxConfigLoaderTest {

    @TempDir
    Path home;

    @Test
    void theDefaultFileIsReadAndTheEnvironmentWins() throws Exception {
        Path file = home.resolve(".config/cellbench/influx.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                # lab server
                url = http://influx.lab:8086
                database = cells
                retention-policy = autogen
                batch-size = 2_000
                fsync = always
                flush-interval = 250ms
                retry-max = 2min
                close-timeout = PT45S
                backlog-alarm-lines = 50,000
                gzip = no
                """);
        InfluxConfig c = InfluxConfigLoader.load(null, Map.of("HOME", home.toString(),
                "CELLBENCH_INFLUX_DB", "other", "CELLBENCH_INFLUX_USER", "lab")).config();
        assertEquals(URI.create("http://influx.lab:8086"), c.url());
        assertEquals("other", c.database());
        assertEquals("lab", c.user());
        assertEquals("autogen", c.retentionPolicy());
        assertEquals(2000, c.batchSize());
        assertEquals(SpoolFsync.ALWAYS, c.fsync());
        assertEquals(Duration.ofMillis(250), c.flushInterval());
        assertEquals(Duration.ofMinutes(2), c.retryMax());
        assertEquals(Duration.ofSeconds(45), c.closeTimeout());
        assertEquals(50_000, c.backlogAlarmLines());
        assertEquals(false, c.gzip());
        assertEquals(home.resolve(".local/state/cellbench/influx-spool/other"), c.spoolDirectory());
    }

    @Test
    void environmentAloneIsEnoughWithDefaultsForTheRest() throws Exception {
        InfluxConfig c = InfluxConfigLoader.load(null, Map.of("HOME", home.toString(),
                "CELLBENCH_INFLUX_URL", "http://127.0.0.1:8086", "CELLBENCH_INFLUX_DB", "lab",
                "CELLBENCH_INFLUX_TOKEN", "tok", "XDG_STATE_HOME", home.resolve("state").toString())).config();
        assertEquals(5000, c.batchSize());
        assertEquals(SpoolFsync.INTERVAL, c.fsync());
        assertEquals("tok", c.token().reveal());
        assertEquals(home.resolve("state/cellbench/influx-spool/lab"), c.spoolDirectory());
    }

    @Test
    void flatYamlWithQuotesIsReadToo() throws Exception {
        Path file = home.resolve("influx.yaml");
        Files.writeString(file, "url: \"http://127.0.0.1:8086\"\ndb: 'lab'\nspool_dir: /tmp/x\n");
        InfluxConfig c = InfluxConfigLoader.load(file, Map.of("HOME", home.toString())).config();
        assertEquals("lab", c.database());
        assertEquals(Path.of("/tmp/x"), c.spoolDirectory());
    }

    @Test
    void aCredentialsFileOthersCanReadGivesAWarningAPrivateOneDoesNot() throws Exception {
        Path file = home.resolve("influx.properties");
        Files.writeString(file, "url=http://127.0.0.1:8086\ndatabase=lab\nuser=u\npassword=secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        var loaded = InfluxConfigLoader.load(file, Map.of("HOME", home.toString()));
        assertEquals(1, loaded.warnings().size());
        assertTrue(loaded.warnings().getFirst().contains("its group") && !loaded.warnings().getFirst().contains("secret"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, InfluxConfigLoader.load(file, Map.of("HOME", home.toString())).warnings().size());
    }

    @Test
    void mistakesAreNamedWithTheirSource() throws Exception {
        Path file = home.resolve("influx.properties");
        Files.writeString(file, "url=http://127.0.0.1:8086\ndatabase=lab\nbatchsize=10\n");
        var e = assertThrows(InfluxConfigException.class, () -> InfluxConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("unknown key 'batchsize'") && e.getMessage().contains("batch-size"), e.getMessage());

        Files.writeString(file, "url=http://127.0.0.1:8086\ndatabase=lab\nflush-interval=soon\n");
        e = assertThrows(InfluxConfigException.class, () -> InfluxConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().startsWith(file + ": flush-interval: 'soon' is not a duration"), e.getMessage());

        e = assertThrows(InfluxConfigException.class, () -> InfluxConfigLoader.load(null,
                Map.of("HOME", home.toString(), "CELLBENCH_INFLUX_DB", "lab", "CELLBENCH_INFLUX_FSYNC", "maybe")));
        assertTrue(e.getMessage().contains("url is not set") && e.getMessage().contains("CELLBENCH_INFLUX_URL"), e.getMessage());

        e = assertThrows(InfluxConfigException.class, () -> InfluxConfigLoader.load(null,
                Map.of("HOME", home.toString(), "CELLBENCH_INFLUX_URL", "http://h:1", "CELLBENCH_INFLUX_DB", "lab",
                        "CELLBENCH_INFLUX_FSYNC", "maybe")));
        assertTrue(e.getMessage().startsWith("environment variable CELLBENCH_INFLUX_FSYNC: fsync policy 'maybe'"), e.getMessage());

        e = assertThrows(InfluxConfigException.class, () -> InfluxConfigLoader.load(home.resolve("missing"), Map.of()));
        assertTrue(e.getMessage().contains("no such configuration file"), e.getMessage());
    }
}
