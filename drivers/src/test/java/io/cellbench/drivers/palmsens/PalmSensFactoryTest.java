package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver is found by name, reads its lab-file settings and says exactly what is wrong with them. */
class PalmSensFactoryTest {

    @TempDir
    Path dir;

    private static InstrumentConfig config(Map<String, Object> settings) {
        return new InstrumentConfig("eis-1", PalmSensFactory.NAME, settings, "lab.yaml:7:3");
    }

    @Test
    void theRegistryFindsItAsAnImpedanceAnalyzer() {
        DriverFactory f = Drivers.named("palmsens-methodscript");
        assertEquals(Set.of(DriverFactory.Capability.EIS_ANALYZER), f.capabilities());
        assertTrue(Drivers.all().containsKey("palmsens-methodscript"));
    }

    @Test
    void defaultsAndTcp() {
        PalmSensSettings s = PalmSensSettings.from(config(Map.of("transport", "tcp", "host", "10.0.0.7")));
        assertEquals(new TransportSettings.Tcp("10.0.0.7", 4001, Duration.ofSeconds(3)), s.transport());
        assertEquals(Duration.ofSeconds(2), s.timeout());
        assertEquals(Duration.ofSeconds(10), s.packageTimeout());
        assertEquals(Duration.ofSeconds(30), s.ocpTime());
        assertEquals(10e-3, s.maxCurrent(), 1e-15);
        assertEquals(100e-9, s.minCurrent(), 1e-18);
        assertEquals(Multiplexer.NONE, s.multiplexer());
        assertEquals(0, s.muxChannels());
    }

    @Test
    void badSettingsNameTheSettingAndTheFix() {
        assertEquals("lab.yaml:7:3: instrument 'eis-1' (palmsens-methodscript): setting 'mux_channels' needs a"
                        + " multiplexer ('mux: mux8', 'mux16' or 'mux8-r2')",
                assertThrows(DriverConfigException.class, () -> PalmSensSettings.from(config(
                        Map.of("serial_port", "/dev/ttyACM0", "mux_channels", "4")))).getMessage());
        assertEquals("lab.yaml:7:3: instrument 'eis-1' (palmsens-methodscript): setting 'mux_channels' must be between"
                        + " 1 and 8, got 9",
                assertThrows(DriverConfigException.class, () -> PalmSensSettings.from(config(
                        Map.of("serial_port", "/dev/ttyACM0", "mux", "mux8", "mux_channels", "9")))).getMessage());
        assertEquals("lab.yaml:7:3: instrument 'eis-1' (palmsens-methodscript): setting 'mux' must be one of mux16,"
                        + " mux8, mux8-r2, none, got 'mux4'",
                assertThrows(DriverConfigException.class, () -> PalmSensSettings.from(config(
                        Map.of("serial_port", "/dev/ttyACM0", "mux", "mux4")))).getMessage());
        assertTrue(assertThrows(DriverConfigException.class, () -> PalmSensSettings.from(config(
                Map.of("serial_port", "/dev/ttyACM0", "ocp_tme", "5 s")))).getMessage()
                .contains("setting 'ocp_tme' is not a setting of driver 'palmsens-methodscript'"));
        assertTrue(assertThrows(DriverConfigException.class, () -> PalmSensSettings.from(config(Map.of()))).getMessage()
                .endsWith("setting 'serial_port' is missing"));
    }

    @Test
    void aMissingPortIsAClearErrorAtOpen() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            String port = dir.resolve("no-such-tty").toString();
            LinkDownException e = assertThrows(LinkDownException.class, () -> Drivers.named(PalmSensFactory.NAME)
                    .open(config(Map.of("serial_port", port))));
            assertEquals("eis-1", e.instrument());
            assertEquals("connect", e.command());
            assertTrue(e.getMessage().contains(port), e.getMessage());
        });
    }
}
