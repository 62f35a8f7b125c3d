package io.cellbench.drivers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A neware-bts entry of a lab file: defaults, the share, the password's sources, and a clear message per mistake. */
class NewareBtsSettingsTest {
    @TempDir
    Path dir;

    private static InstrumentConfig entry(Map<String, Object> settings) {
        return new InstrumentConfig("nw", "neware-bts", settings, "lab.yaml:7:3");
    }

    @Test
    void theDriverIsFoundByNameAndRunsNativePrograms() {
        DriverFactory f = Drivers.named("neware-bts");
        assertEquals(NewareBtsFactory.class, f.getClass());
        assertEquals(Set.of(DriverFactory.Capability.NATIVE_PROGRAM), f.capabilities());
    }

    @Test
    void defaultsAreBtsDefaults() {
        NewareBtsSettings s = NewareBtsSettings.from(entry(Map.of("host", "10.0.0.9")));
        assertEquals(502, s.transport().port());
        assertEquals(Duration.ofSeconds(30), s.timeout());
        assertEquals("admin", s.username());
        assertEquals("neware", s.password());
        assertNull(s.stepShare());
        assertEquals(1000, s.downloadChunk());
        assertEquals(ZoneId.systemDefault(), s.zone());
        assertTrue(!s.toString().contains("neware\""), "the password is never printed: " + s);
    }

    @Test
    void theShareThePasswordFileAndTheZone() throws Exception {
        Path secret = Files.writeString(dir.resolve("bts-password"), "s3cret\n");
        NewareBtsSettings s = NewareBtsSettings.from(entry(Map.of("host", "10.0.0.9", "step_share", "/mnt/bts-steps",
                "step_share_on_bts", "D:\\cellbench\\steps", "password_file", secret.toString(), "time_zone",
                "Asia/Shanghai", "download_chunk", 500, "timeout", "45 s")));
        assertEquals(Path.of("/mnt/bts-steps"), s.stepShare());
        assertEquals("D:\\cellbench\\steps", s.stepShareOnBts());
        assertEquals("s3cret", s.password());
        assertEquals(ZoneId.of("Asia/Shanghai"), s.zone());
        assertEquals(500, s.downloadChunk());
        assertEquals(Duration.ofSeconds(45), s.timeout());
    }

    @Test
    void mistakesNameTheSetting() {
        assertEquals("lab.yaml:7:3: instrument 'nw' (neware-bts): setting 'step_share_on_bts' is missing: step_share"
                        + " (the folder as this machine sees it) and step_share_on_bts (as the BTS PC names it) go together",
                assertThrows(DriverConfigException.class, () -> NewareBtsSettings.from(entry(Map.of("host", "h",
                        "step_share", "/mnt/x")))).getMessage());
        assertTrue(assertThrows(DriverConfigException.class, () -> NewareBtsSettings.from(entry(Map.of("host", "h",
                "download_chunk", 2000)))).getMessage().contains("'download_chunk' must be between 1 and 1000"));
        assertTrue(assertThrows(DriverConfigException.class, () -> NewareBtsSettings.from(entry(Map.of("host", "h",
                "password_env", "CELLBENCH_TEST_NO_SUCH_VARIABLE_42")))).getMessage()
                .contains("names environment variable CELLBENCH_TEST_NO_SUCH_VARIABLE_42, which is not set"));
        assertTrue(assertThrows(DriverConfigException.class, () -> NewareBtsSettings.from(entry(Map.of("host", "h",
                "time_zone", "Mars/Olympus")))).getMessage().contains("'time_zone' must be a zone"));
        assertTrue(assertThrows(DriverConfigException.class, () -> NewareBtsSettings.from(entry(Map.of("host", "h",
                "password", "x")))).getMessage().contains("'password' is not a setting of driver 'neware-bts'"),
                "a password written into the lab file is refused");
        assertTrue(assertThrows(DriverConfigException.class, () -> NewareBtsSettings.from(entry(Map.of(
                "transport", "serial", "serial_port", "/dev/ttyS0")))).getMessage().contains("must be 'tcp'"));
    }

    @Test
    void validatingALabFileDoesNotReadTheSecret() {
        new NewareBtsFactory().check(entry(Map.of("host", "h", "password_env", "CELLBENCH_TEST_NO_SUCH_VARIABLE_42")));
    }
}
