package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A maccor-macnet entry of a lab file: defaults, and a clear message for each mistake. */
class MaccorSettingsTest {

    private static InstrumentConfig entry(Map<String, Object> settings) {
        return new InstrumentConfig("maccor-1", "maccor-macnet", settings, "lab.yaml:4:3");
    }

    @Test
    void theDriverIsFoundByName() {
        assertEquals(MaccorMacNetFactory.class, Drivers.named("maccor-macnet").getClass());
    }

    @Test
    void defaultsFollowMacNet() {
        MaccorSettings s = MaccorSettings.from(entry(Map.of("driver", "maccor-macnet", "host", "10.0.0.7")));
        assertEquals(57570, s.transport().port());
        assertEquals(Duration.ofMillis(100), s.commandInterval());
        assertEquals(Duration.ofSeconds(1), s.watchdogFeed());
        assertEquals(10.5, s.safetyCurrent(), 1e-12);
        assertEquals(5, s.safetyMaxVolt());
        assertEquals(0, s.channels());
        // pymacnet starts direct mode charging at 0 A and notes that rest ('R') cannot be set over JSON
        assertEquals(MaccorSettings.Rest.ZERO_CURRENT, s.rest());
    }

    @Test
    void settingsWithUnits() {
        MaccorSettings s = MaccorSettings.from(entry(Map.of("host", "10.0.0.7", "port", 6000, "channels", 8,
                "max_current", "500 mA", "watchdog_feed", "2 s", "command_interval", "150 ms", "temperature_aux", 2,
                "rest", "mode-r", "safety_margin", "20 mV")));
        assertEquals(6000, s.transport().port());
        assertEquals(8, s.channels());
        assertEquals(0.5, s.maxCurrent(), 1e-12);
        assertEquals(0.525, s.safetyCurrent(), 1e-12);
        assertEquals(Duration.ofSeconds(2), s.watchdogFeed());
        assertEquals(2, s.temperatureAux());
        assertEquals(MaccorSettings.Rest.MODE_R, s.rest());
        assertEquals(0.02, s.safetyMargin(), 1e-12);
    }

    @Test
    void mistakesNameTheSetting() {
        assertEquals("lab.yaml:4:3: instrument 'maccor-1' (maccor-macnet): setting 'transport' must be 'tcp':"
                        + " MacNet is reached over TCP/IP",
                assertThrows(DriverConfigException.class, () -> MaccorSettings.from(entry(Map.of(
                        "transport", "serial", "serial_port", "/dev/ttyUSB0")))).getMessage());
        assertEquals("lab.yaml:4:3: instrument 'maccor-1' (maccor-macnet): setting 'command_interval' must be"
                        + " shorter than watchdog_feed (100 ms), got 100 ms",
                assertThrows(DriverConfigException.class, () -> MaccorSettings.from(entry(Map.of(
                        "host", "h", "watchdog_feed", "100 ms")))).getMessage());
        assertEquals("lab.yaml:4:3: instrument 'maccor-1' (maccor-macnet): setting 'watchdog' is not a setting of"
                        + " driver 'maccor-macnet'; its settings are: active_wait, baud, channels, command_interval, connect_timeout,"
                        + " data_bits, data_time, flow_control, host, max_current, max_voltage, parity, port, rest,"
                        + " retries, safety_current, safety_margin, safety_max_voltage, safety_min_voltage,"
                        + " serial_port, stop_bits, temperature_aux, test_name, timeout, transport, watchdog_feed",
                assertThrows(DriverConfigException.class, () -> MaccorSettings.from(entry(Map.of(
                        "host", "h", "watchdog", "5 s")))).getMessage());
        assertThrows(DriverConfigException.class, () -> MaccorSettings.from(entry(Map.of(
                "host", "h", "safety_min_voltage", "4 V", "safety_max_voltage", "3 V"))));
    }
}
