package io.cellbench.drivers.keithley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.Instrument;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.Terminator;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.testing.DeadPort;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Keithley2450FactoryTest {

    private static InstrumentConfig config(Map<String, Object> settings) {
        return new InstrumentConfig("smu1", "keithley-2450", settings, "lab.yaml:3:5");
    }

    @Test
    void theDriverIsFoundByName() {
        DriverFactory f = Drivers.named("keithley-2450");
        assertInstanceOf(Keithley2450Factory.class, f);
        assertEquals(Set.of(DriverFactory.Capability.CYCLER_CHANNEL), f.capabilities());
        assertTrue(Drivers.all().containsKey("keithley-2450"));
    }

    @Test
    void aLabFileEntryOpensAChannelOverTcp() throws IOException {
        try (Bench bench = new Bench(0.5)) {
            int port = bench.simulator.startTcp();
            Instrument i = Drivers.named("keithley-2450").open(config(Map.of("transport", "tcp", "host", "127.0.0.1",
                    "port", Integer.toString(port), "timeout", "1 s", "max_current", "100 mA")));
            try (CyclerChannel smu = (CyclerChannel) i) {
                assertTrue(smu.identify().contains("MODEL 2450"));
                assertEquals(0.1, smu.maxCurrentAmpere(), 1e-12);
                assertTrue(smu.read().voltageVolt() > 3);
            }
            assertTrue(!bench.simulator.outputOn(), "closed: output off");
        }
    }

    @Test
    void defaultsFollowTheInstrument() {
        Keithley2450Settings s = Keithley2450Settings.from(config(Map.of("host", "10.0.0.7")));
        assertEquals(new TransportSettings.Tcp("10.0.0.7", 5025, Duration.ofSeconds(3)), s.transport());
        assertEquals(Terminator.LF, s.terminator());
        assertEquals(Duration.ofSeconds(2), s.timeout());
        assertEquals(2, s.retries());
        assertEquals(1.05, s.maxCurrent());
        assertEquals(21, s.maxVoltage());
        assertEquals(RestMode.ZERO_CURRENT, s.rest());
        assertTrue(s.fourWire());
    }

    @Test
    void serialSettingsAreRead() {
        Keithley2450Settings s = Keithley2450Settings.from(config(Map.of("transport", "serial",
                "serial_port", "/dev/ttyUSB0", "baud", "19200", "parity", "even", "stop_bits", "2",
                "flow_control", "rts-cts", "terminator", "crlf", "rest", "open-relay", "sense", "2-wire",
                "timeout", "500 ms")));
        assertEquals(new TransportSettings.Serial(new SerialSettings("/dev/ttyUSB0", 19200, 8, SerialSettings.Parity.EVEN,
                SerialSettings.StopBits.TWO, SerialSettings.FlowControl.RTS_CTS)), s.transport());
        assertEquals(Terminator.CRLF, s.terminator());
        assertEquals(RestMode.OPEN_RELAY, s.rest());
        assertEquals(Duration.ofMillis(500), s.timeout());
        assertTrue(!s.fourWire());
    }

    @Test
    void badSettingsNameTheInstrumentTheSettingAndTheFix() {
        assertMessage(Map.of("hostname", "x"), "lab.yaml:3:5: instrument 'smu1' (keithley-2450): setting 'hostname' is"
                + " not a setting of driver 'keithley-2450'; its settings are: baud, connect_timeout,");
        assertMessage(Map.of("transport", "serial"), "setting 'serial_port' is missing");
        assertMessage(Map.of("transport", "usb", "host", "x"), "setting 'transport' must be one of serial, tcp, got 'usb'");
        assertMessage(Map.of("host", "x", "port", "70000"), "setting 'port' must be between 1 and 65535, got 70000");
        assertMessage(Map.of("host", "x", "timeout", "2 parsecs"), "setting 'timeout' must be a time such as '2 s' or"
                + " '500 ms', got '2 parsecs'");
        assertMessage(Map.of("host", "x", "max_current", "5 A"), "setting 'max_current' must be > 0 and at most 1.05 A");
        assertMessage(Map.of("host", "x", "max_current", "4 V"), "setting 'max_current' must be a current");
        assertMessage(Map.of("host", "x", "baud", "9600"), "setting 'baud' belongs to 'transport: serial'");
        assertMessage(Map.of("host", "x", "rest", "open"), "setting 'rest' must be one of open-relay, zero-current");
    }

    @Test
    void checkReadsTheSettingsWithoutConnectingAndNamesTheWrongOne() {
        // nothing listens on 10.255.255.1: a check that connected would fail differently (or hang)
        new Keithley2450Factory().check(config(Map.of("host", "10.255.255.1", "timeout", "1 s")));
        DriverConfigException e = assertThrows(DriverConfigException.class,
                () -> new Keithley2450Factory().check(config(Map.of("host", "x", "port", "0"))));
        assertEquals("port", e.key());
        assertEquals("must be between 1 and 65535, got 0", e.problem());
    }

    private static void assertMessage(Map<String, Object> settings, String expected) {
        DriverConfigException e = assertThrows(DriverConfigException.class,
                () -> new Keithley2450Factory().open(config(settings)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void anInstrumentThatIsNotThereFailsAtOpenNamingIt() throws IOException {
        // a port nothing listens on for the whole test (a freed port could be taken meanwhile)
        try (DeadPort dead = new DeadPort()) {
            int port = dead.port();
            LinkDownException e = assertThrows(LinkDownException.class, () -> new Keithley2450Factory().open(
                    config(Map.of("host", "127.0.0.1", "port", Integer.toString(port)))));
            assertTrue(e.getMessage().startsWith("smu1: 'connect': tcp 127.0.0.1:" + port + ": cannot connect"), e.getMessage());
        }
    }
}
