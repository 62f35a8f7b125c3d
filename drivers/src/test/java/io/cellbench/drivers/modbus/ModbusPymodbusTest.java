package io.cellbench.drivers.modbus;

import static io.cellbench.drivers.modbus.ModbusTranscriptTest.reg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.quantity.Unit;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.transport.TcpTransport;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.wire.SocatPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drivers against pymodbus as the device — a Modbus implementation cellbench did not write
 * (peers/pymodbus_device.py, run by /usr/bin/python3): values pymodbus encodes (its
 * BinaryPayloadBuilder, both word orders) decode through the drivers' register maps, values the
 * drivers write decode through pymodbus's BinaryPayloadDecoder, over Modbus TCP on 127.0.0.1
 * and over Modbus RTU on a socat pty with two unit ids on one line. Needs python3-pymodbus and
 * socat; fails and says how to install them when they are missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModbusPymodbusTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void needsPymodbus() {
        Pymodbus.require();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    private static Map<String, Object> pressMap() {
        return reg("force", reg("function", "input", "address", 0, "type", "float32", "unit", "N"),
                "setpoint", reg("function", "holding", "address", 16, "type", "float32", "unit", "MPa"),
                "enable", reg("function", "coil", "address", 0));
    }

    private static Map<String, Object> chamberMap() {
        return reg("temperature", reg("function", "input", "address", 0, "type", "int16", "scale", 0.1),
                "setpoint", reg("function", "holding", "address", 0, "type", "int16", "scale", 0.1),
                "run", reg("function", "coil", "address", 0));
    }

    private static InstrumentConfig config(String name, String driver, Map<String, Object> link, Map<String, Object> registers,
                                           Object... more) {
        Map<String, Object> settings = new LinkedHashMap<>(link);
        settings.put("timeout", "1 s");
        settings.put("retries", 0);
        settings.put("registers", registers);
        for (int i = 0; i < more.length; i += 2) {
            settings.put((String) more[i], more[i + 1]);
        }
        return new InstrumentConfig(name, driver, settings, "lab.yaml:1:1");
    }

    @Test
    void overTcpTheDriverDecodesWhatPymodbusEncodedAndPymodbusDecodesWhatTheDriverWrote() throws Exception {
        Pymodbus device = keep(Pymodbus.tcp("1"));
        device.ask("set 1 ir 0 float32 big 5652.5");
        device.ask("set 1 ir 2 float32 little -12.25");
        device.ask("set 1 ir 4 int32 little -123456");
        device.ask("set 1 ir 6 uint32 big 3000000000");
        device.ask("set 1 ir 8 int16 - -1234");
        try (ModbusMaster master = new ModbusMaster("peer", new TcpTransport("127.0.0.1", device.tcpPort(),
                Duration.ofSeconds(5)), ModbusMode.TCP, 1, Duration.ofSeconds(2), 0)) {
            Unit none = null;
            assertEquals(5652.5, RegisterIo.read(master, Register.of("a", RegisterTable.INPUT, 0, RegisterType.FLOAT32,
                    WordOrder.BIG, Unit.lookup("N"))), 0);
            assertEquals(-12.25, RegisterIo.read(master, Register.of("b", RegisterTable.INPUT, 2, RegisterType.FLOAT32,
                    WordOrder.LITTLE, Unit.lookup("N"))), 0);
            assertEquals(-123456, RegisterIo.read(master, Register.of("c", RegisterTable.INPUT, 4, RegisterType.INT32,
                    WordOrder.LITTLE, none)), 0);
            assertEquals(3e9, RegisterIo.read(master, Register.of("d", RegisterTable.INPUT, 6, RegisterType.UINT32,
                    WordOrder.BIG, none)), 0);
            assertEquals(-1234, RegisterIo.read(master, Register.of("e", RegisterTable.INPUT, 8, RegisterType.INT16,
                    WordOrder.BIG, none)), 0);
        }
        Map<String, Object> link = reg("host", "127.0.0.1", "port", device.tcpPort());
        PressureFixture press = keep((PressureFixture) Drivers.named("modbus-pressure")
                .open(config("press-1", "modbus-pressure", link, pressMap(), "area", "1 cm^2")));
        assertEquals(5652.5 / 1e-4, press.readPressurePa(), 1e-6);
        press.setPressurePa(50e6);
        assertEquals(50.0, Double.parseDouble(device.ask("get 1 hr 16 float32 big")), 0);
        assertEquals("1", device.ask("get 1 co 0 bit -"));
    }

    @Test
    void overRtuAPressAndAChamberShareOneLineServedByPymodbus() throws Exception {
        SocatPair pair = keep(SocatPair.start(dir));
        Pymodbus device = keep(Pymodbus.rtu(pair.instrumentEnd(), "1,2"));
        device.ask("set 1 ir 0 float32 big 1130");
        device.ask("set 2 ir 0 int16 - 253");
        device.ask("set 2 hr 0 int16 - 250");
        Map<String, Object> line = reg("transport", "serial", "serial_port", pair.driverEnd().toString(), "baud", 115200);
        Map<String, Object> unit1 = new LinkedHashMap<>(line);
        unit1.put("unit_id", 1);
        Map<String, Object> unit2 = new LinkedHashMap<>(line);
        unit2.put("unit_id", 2);
        PressureFixture press = keep((PressureFixture) Drivers.named("modbus-pressure")
                .open(config("press-1", "modbus-pressure", unit1, pressMap(), "area", "1.13 cm^2")));
        TemperatureChamber chamber = keep((TemperatureChamber) Drivers.named("modbus-chamber")
                .open(config("chamber-1", "modbus-chamber", unit2, chamberMap())));
        for (int i = 0; i < 5; i++) {
            assertEquals(10e6, press.readPressurePa(), 1e-3);
            assertEquals(25.3, chamber.readTemperatureCelsius(), 1e-9);
        }
        assertEquals(25.0, chamber.setpointCelsius(), 1e-9);
        chamber.setTemperatureCelsius(42.5);
        press.setPressurePa(20e6);
        assertEquals("425", device.ask("get 2 hr 0 int16 -"));
        assertEquals("1", device.ask("get 2 co 0 bit -"));
        assertEquals(20.0, Double.parseDouble(device.ask("get 1 hr 16 float32 big")), 0);
        assertEquals("0", device.ask("get 2 co 1 bit -"), "unit 1's writes stay on unit 1");

        // a third entry with a unit id pymodbus does not serve: silence, and the hint to check it
        Map<String, Object> unit3 = new LinkedHashMap<>(line);
        unit3.put("unit_id", 3);
        TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> Drivers.named("modbus-chamber")
                .open(config("chamber-3", "modbus-chamber", unit3, chamberMap())));
        assertTrue(e.getMessage().contains("unit 3 has not answered on this line: check 'unit_id' (3)"), e.getMessage());
    }

    @Test
    void aNaNThatPymodbusEncodedFailsTheReadNamingTheRegister() throws Exception {
        Pymodbus device = keep(Pymodbus.tcp("1"));
        device.ask("set 1 ir 0 float32 big nan");
        Map<String, Object> link = reg("host", "127.0.0.1", "port", device.tcpPort());
        InstrumentException e = assertThrows(InstrumentException.class, () -> Drivers.named("modbus-pressure")
                .open(config("press-1", "modbus-pressure", link, pressMap(), "area", "1 cm^2")));
        assertTrue(e.getMessage().startsWith("press-1: 'read input 0x0000 x2': input 0x0000 float32 (force) holds NaN"
                + " (registers 7FC0 0000)"), e.getMessage());
    }

    @Test
    void pymodbusAcknowledgingAWriteIsAnAnswerToAskAgainLater() throws Exception {
        Pymodbus device = keep(Pymodbus.tcp("1"));
        device.ask("set 1 ir 0 int16 - 250");
        Map<String, Object> link = reg("host", "127.0.0.1", "port", device.tcpPort());
        TemperatureChamber chamber = keep((TemperatureChamber) Drivers.named("modbus-chamber")
                .open(config("chamber-1", "modbus-chamber", link, chamberMap())));
        device.ask("answer-writes 5 1");
        ModbusExceptionResponse ack = assertThrows(ModbusExceptionResponse.class, () -> chamber.setTemperatureCelsius(30));
        assertEquals(5, ack.code());
        assertTrue(ack.retryLater(), "acknowledge: taken, ask again later");
        chamber.setTemperatureCelsius(30); // sent again, as the runner does after its back-off
        assertEquals("300", device.ask("get 1 hr 0 int16 -"));
        device.ask("answer-writes 6 1");
        ModbusExceptionResponse busy = assertThrows(ModbusExceptionResponse.class, () -> chamber.setTemperatureCelsius(31));
        assertTrue(busy.retryLater() && busy.getMessage().endsWith("exception 6 (server device busy)"), busy.getMessage());
        device.ask("answer-writes 2 1");
        ModbusExceptionResponse refused = assertThrows(ModbusExceptionResponse.class, () -> chamber.setTemperatureCelsius(32));
        assertTrue(!refused.retryLater(), "an illegal address is not cured by waiting");
    }
}
