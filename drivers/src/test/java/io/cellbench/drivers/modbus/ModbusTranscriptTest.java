package io.cellbench.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drivers' exact frames on the wire: modbus-pressure over Modbus TCP against a bare socket
 * peer on 127.0.0.1, modbus-chamber over Modbus RTU against a scripted link. The CRCs in the
 * scripts were computed apart from the driver (a Python CRC-16/MODBUS).
 */
class ModbusTranscriptTest {

    static Map<String, Object> reg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static InstrumentConfig pressConfig(int port) {
        Map<String, Object> registers = reg(
                "force", reg("function", "input", "address", "0x0000", "type", "float32", "word_order", "big", "unit", "N"),
                "setpoint", reg("function", "holding", "address", "0x0010", "type", "float32", "unit", "MPa"),
                "enable", reg("function", "coil", "address", 0),
                "status", reg("function", "holding", "address", "0x0012", "type", "uint16"));
        return new InstrumentConfig("press-1", "modbus-pressure", reg("transport", "tcp", "host", "127.0.0.1",
                "port", port, "timeout", "500 ms", "retries", 0, "area", "1.13 cm^2", "registers", registers,
                "fault_bits", "0x0004"), "lab.yaml:3:3");
    }

    @Test
    void pressureOverModbusTcp() throws Exception {
        try (ModbusPeer peer = new ModbusPeer()
                // open: one reading (FC04 input 0 x2, float 5652 N = 45 B0 A0 00) and the status word (FC03 0x12)
                .expect("00 01 00 00 00 06 01 04 00 00 00 02", "00 01 00 00 00 07 01 04 04 45 B0 A0 00")
                .expect("00 02 00 00 00 06 01 03 00 12 00 01", "00 02 00 00 00 05 01 03 02 00 03")
                .expect("00 03 00 00 00 06 01 04 00 00 00 02", "00 03 00 00 00 07 01 04 04 45 B0 A0 00")
                .expect("00 04 00 00 00 06 01 03 00 12 00 01", "00 04 00 00 00 05 01 03 02 00 03")
                // set 50 MPa: FC16 holding 0x10 x2 = float 50.0 (42 48 00 00), then FC05 coil 0 on
                .expect("00 05 00 00 00 0B 01 10 00 10 00 02 04 42 48 00 00", "00 05 00 00 00 06 01 10 00 10 00 02")
                .expect("00 06 00 00 00 06 01 05 00 00 FF 00", "00 06 00 00 00 06 01 05 00 00 FF 00")
                // a reading while the status word has the fault bit (bit 2) set
                .expect("00 07 00 00 00 06 01 04 00 00 00 02", "00 07 00 00 00 07 01 04 04 45 B0 A0 00")
                .expect("00 08 00 00 00 06 01 03 00 12 00 01", "00 08 00 00 00 05 01 03 02 00 06")
                // an exception answer: illegal data address
                .expect("00 09 00 00 00 06 01 04 00 00 00 02", "00 09 00 00 00 03 01 84 02")
                .start()) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (ModbusPressureFixture press = (ModbusPressureFixture) Drivers.named("modbus-pressure")
                        .open(pressConfig(peer.port()))) {
                    assertTrue(press.canSetPressure());
                    assertEquals(5652 / 1.13e-4, press.readPressurePa(), 1e-6 * 50e6);
                    press.setPressurePa(50e6);
                    InstrumentException fault = assertThrows(InstrumentException.class, press::readPressurePa);
                    assertEquals("press-1: 'read holding 0x0012 uint16 (status)': the press reports a fault: status"
                            + " 0x0006 (fault bits 0x0004)", fault.getMessage());
                    ModbusExceptionResponse refused = assertThrows(ModbusExceptionResponse.class, press::readPressurePa);
                    assertEquals(2, refused.code());
                    assertTrue(refused.getMessage().startsWith("press-1: 'read input 0x0000 x2': device answered Modbus"
                            + " exception 2 (illegal data address); check 'address'"), refused.getMessage());
                }
            });
            assertEquals(List.of(), peer.problems());
        }
    }

    @Test
    void rtuFramesThroughATcpGateway() throws Exception {
        try (ModbusPeer peer = new ModbusPeer()
                .expect("01 03 00 00 00 01 84 0A", "01 03 02 01 2C B8 09")     // 300 kPa, twice
                .expect("01 03 00 00 00 01 84 0A", "01 03 02 01 2C B8 09")
                .start()) {
            InstrumentConfig config = new InstrumentConfig("fixture-3", "modbus-pressure", reg("host", "127.0.0.1",
                    "port", peer.port(), "mode", "rtu", "retries", 0, "registers",
                    reg("pressure", reg("function", "holding", "address", 0, "unit", "kPa"))), "lab.yaml:20:3");
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (ModbusPressureFixture fixture = (ModbusPressureFixture) Drivers.named("modbus-pressure").open(config)) {
                    assertEquals(300e3, fixture.readPressurePa(), 1e-9);
                    assertEquals("modbus-pressure: Modbus RTU unit 1 at tcp 127.0.0.1:" + peer.port(), fixture.identify());
                }
            });
            assertEquals(List.of(), peer.problems());
        }
    }

    @Test
    void chamberOverModbusRtu() {
        ByteScript wire = new ByteScript()
                .expect("01 04 00 00 00 01 31 CA", "01 04 02 00 FA 39 73")        // temperature: 250 × 0.1 °C
                .expect("01 03 00 00 00 01 84 0A", "01 03 02 01 2C B8 09")        // setpoint: 300 × 0.1 °C
                .expect("01 06 00 00 01 90 88 36", "01 06 00 00 01 90 88 36")     // setpoint 40.0 °C (FC06)
                .expect("01 05 00 00 FF 00 8C 3A", "01 05 00 00 FF 00 8C 3A")     // run coil on (FC05)
                .expect("01 04 00 00 00 01 31 CA", "01 04 02 00 FA 39 74")        // an answer with a bad CRC
                .expect("01 04 00 00 00 01 31 CA", "01 84 02 C2 C1");             // exception 2
        InstrumentConfig config = new InstrumentConfig("chamber-1", "modbus-chamber", reg("transport", "serial",
                "serial_port", "/dev/ttyUSB0", "registers", reg(
                        "temperature", reg("function", "input", "address", 0, "type", "int16", "scale", 0.1),
                        "setpoint", reg("function", "holding", "address", 0, "type", "int16", "scale", "0.1", "unit", "°C"),
                        "run", reg("function", "coil", "address", 0))), "lab.yaml:9:3");
        ModbusChamberSettings settings = ModbusChamberSettings.from(config);
        assertEquals(ModbusMode.RTU, settings.link().mode());
        ModbusMaster master = new ModbusMaster("chamber-1", wire, ModbusMode.RTU, 1, Duration.ofMillis(200), 0);
        ModbusChamber chamber = new ModbusChamber("chamber-1", master, settings);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals(25.0, chamber.readTemperatureCelsius(), 1e-9);
            assertEquals(30.0, chamber.setpointCelsius(), 1e-9);
            chamber.setTemperatureCelsius(40);
            InstrumentException crc = assertThrows(InstrumentException.class, chamber::readTemperatureCelsius);
            assertEquals("chamber-1: 'read input 0x0000 x1': answer 01 04 02 00 FA 39 74 fails its CRC (computed 7339,"
                    + " got 7439)", crc.getMessage());
            ModbusExceptionResponse refused = assertThrows(ModbusExceptionResponse.class, chamber::readTemperatureCelsius);
            assertEquals(2, refused.code());
            InstrumentException range = assertThrows(InstrumentException.class, () -> chamber.setTemperatureCelsius(200));
            assertEquals("chamber-1: 'set temperature 200.00 °C': setpoint must be between -40.0 and 150.0 °C"
                    + " (settings 'min_temperature', 'max_temperature')", range.getMessage());
        });
        assertTrue(wire.done());
    }
}
