package io.cellbench.drivers.modbus;

import static io.cellbench.drivers.modbus.ModbusTranscriptTest.reg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.core.quantity.Unit;
import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lab entries: what is read from them, and the message for each kind of mistake. */
class ModbusSettingsTest {

    private static final String HEAD = "lab.yaml:3:3: instrument 'press-1' (modbus-pressure): setting ";

    private static Map<String, Object> force() {
        return reg("function", "input", "address", "0x0010", "type", "float32");
    }

    private static InstrumentConfig press(Map<String, Object> registers, Object... more) {
        Map<String, Object> settings = reg("host", "10.0.0.5", "area", "1.13 cm^2", "registers", registers);
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                settings.remove((String) more[i]);
            } else {
                settings.put((String) more[i], more[i + 1]);
            }
        }
        return new InstrumentConfig("press-1", "modbus-pressure", settings, "lab.yaml:3:3");
    }

    private static String error(InstrumentConfig c) {
        return assertThrows(DriverConfigException.class, () -> ModbusPressureSettings.from(c)).getMessage();
    }

    @Test
    void bothDriversAreFoundByName() {
        assertEquals(Set.of(DriverFactory.Capability.PRESSURE_FIXTURE), Drivers.named("modbus-pressure").capabilities());
        assertEquals(Set.of(DriverFactory.Capability.TEMPERATURE_CHAMBER), Drivers.named("modbus-chamber").capabilities());
    }

    @Test
    void aPassiveLoadCellOverTcpWithDefaults() {
        ModbusPressureSettings s = ModbusPressureSettings.from(press(reg("force", force())));
        assertEquals(ModbusMode.TCP, s.link().mode());
        assertEquals(1, s.link().unit());
        assertEquals(new Register("force", RegisterTable.INPUT, 16, RegisterType.FLOAT32, WordOrder.BIG, 1, 0,
                Unit.lookup("N")), s.reading());
        assertEquals(1.13e-4, s.areaM2(), 1e-12);
        assertNull(s.setpoint());
        assertEquals(0, s.faultBits(), "no status bit means a fault until the lab file names it");
        assertEquals("tcp 10.0.0.5:502", s.link().transport().create(java.time.Duration.ofSeconds(1)).endpoint());
    }

    @Test
    void mistakesNameTheSetting() {
        assertEquals(HEAD + "'registers' needs 'force' (a load cell, with 'area') or 'pressure' (read as it is)",
                error(press(reg())));
        assertEquals(HEAD + "'area' is missing: a force register needs the cell's area to give a pressure, e.g."
                + " 'area: 1.13 cm^2'", error(press(reg("force", force()), "area", null)));
        assertEquals(HEAD + "'area' is only used with a force register; this entry reads pressure directly",
                error(press(reg("pressure", reg("function", "input", "address", 0)))));
        assertEquals(HEAD + "'registers.force.type' must be one of int16, uint16, int32, uint32, float32, got 'double'",
                error(press(reg("force", reg("function", "input", "address", 0, "type", "double")))));
        assertEquals(HEAD + "'registers.force.word_order' applies to 32-bit types only; int16 is one register",
                error(press(reg("force", reg("function", "input", "address", 0, "type", "int16", "word_order", "little")))));
        assertEquals(HEAD + "'registers.force.address' must be a protocol address 0..65535 (decimal or 0x hex;"
                + " register 40001 is holding 0), got '70000'",
                error(press(reg("force", reg("function", "input", "address", 70000)))));
        assertEquals(HEAD + "'registers.force.function' must be holding or input for this register, got 'coil'",
                error(press(reg("force", reg("function", "coil", "address", 0)))));
        assertEquals(HEAD + "'registers.force.unit' must be one of N, kN, got 'MPa'",
                error(press(reg("force", reg("function", "input", "address", 0, "unit", "MPa")))));
        assertEquals(HEAD + "'registers.force.scale' must not be 0",
                error(press(reg("force", reg("function", "input", "address", 0, "scale", 0)))));
        assertEquals(HEAD + "'registers.speed' is not a register of driver 'modbus-pressure'; its registers are:"
                + " enable, force, pressure, setpoint, status",
                error(press(reg("force", force(), "speed", force()))));
        assertEquals(HEAD + "'registers.enable' needs a 'setpoint' register (a press)",
                error(press(reg("force", force(), "enable", reg("function", "coil", "address", 0)))));
        assertEquals(HEAD + "'mode' 'tcp' (MBAP framing) needs 'transport: tcp'; a serial line speaks 'mode: rtu'",
                error(press(reg("force", force()), "host", null, "transport", "serial", "serial_port", "/dev/ttyUSB0",
                        "mode", "tcp")));
        assertEquals(HEAD + "'fault_bits' must be a 16-bit mask such as 0x0004, got '0x10000'",
                error(press(reg("force", force()), "fault_bits", "0x10000")));
    }

    @Test
    void registersEncodeAndDecodeEveryTypeAndWordOrder() {
        Unit n = Unit.lookup("N");
        Register f = Register.of("f", RegisterTable.HOLDING, 0, RegisterType.FLOAT32, WordOrder.BIG, n);
        assertArrayEquals(new short[] {0x45B0, (short) 0xA000}, f.encode(5652));
        Register swapped = Register.of("f", RegisterTable.HOLDING, 0, RegisterType.FLOAT32, WordOrder.LITTLE, n);
        assertArrayEquals(new short[] {(short) 0xA000, 0x45B0}, swapped.encode(5652));
        assertEquals(5652, swapped.decode(new short[] {(short) 0xA000, 0x45B0}), 0);
        Register i32 = new Register("i", RegisterTable.HOLDING, 0, RegisterType.INT32, WordOrder.LITTLE, 0.01, 0, n);
        assertArrayEquals(new short[] {(short) 0xFF9C, (short) 0xFFFF}, i32.encode(-1.0));
        Register u32 = Register.of("u", RegisterTable.INPUT, 0, RegisterType.UINT32, WordOrder.BIG, null);
        assertEquals(4294967295.0, u32.decode(new short[] {-1, -1}), 0);
        Register offset = new Register("t", RegisterTable.HOLDING, 0, RegisterType.INT16, WordOrder.BIG, 0.1, -50,
                Unit.lookup("°C"));
        assertEquals(273.15 + 25, offset.decode(new short[] {750}), 1e-9); // 750 × 0.1 − 50 = 25 °C
        assertArrayEquals(new short[] {750}, offset.encode(273.15 + 25));
        Register u16 = Register.of("p", RegisterTable.HOLDING, 0, RegisterType.UINT16, WordOrder.BIG, Unit.lookup("kPa"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u16.encode(70e6));
        assertEquals("70000.0 kPa is raw 70000, outside the uint16 range 0..65535 of holding 0x0000 uint16 (p)",
                e.getMessage());
    }

    @Test
    void aChamberEntryWithItsDefaults() {
        Map<String, Object> registers = new LinkedHashMap<>();
        registers.put("temperature", reg("function", "input", "address", 0, "type", "int16", "scale", 0.1));
        registers.put("setpoint", reg("function", "holding", "address", 0, "type", "int16", "scale", 0.1));
        ModbusChamberSettings s = ModbusChamberSettings.from(new InstrumentConfig("ch", "modbus-chamber",
                reg("host", "10.0.0.6", "registers", registers, "max_temperature", "80 °C"), "lab.yaml:9:3"));
        assertEquals(-40, s.minCelsius(), 1e-9);
        assertEquals(80, s.maxCelsius(), 1e-9);
        assertNull(s.run());
        DriverConfigException e = assertThrows(DriverConfigException.class, () -> ModbusChamberSettings.from(
                new InstrumentConfig("ch", "modbus-chamber", reg("host", "10.0.0.6", "registers",
                        reg("temperature", registers.get("temperature"))), "lab.yaml:9:3")));
        assertEquals("lab.yaml:9:3: instrument 'ch' (modbus-chamber): setting 'registers.setpoint' is missing",
                e.getMessage());
    }
}
