package io.cellbench.drivers.modbus;

import static io.cellbench.drivers.modbus.ModbusTranscriptTest.reg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A register that holds no usable value — a float32 NaN or infinity (what many transmitters
 * put there when the sensor is broken or unplugged), or a number no pressure or temperature
 * can be — fails the read with an {@link InstrumentException} that names the instrument, the
 * register and the value, never with a bare {@code NumberFormatException}. The frames are
 * played by a bare Modbus TCP peer on 127.0.0.1.
 */
class ModbusBadValueTest {

    private static InstrumentConfig press(int port) {
        return new InstrumentConfig("press-1", "modbus-pressure", reg("host", "127.0.0.1", "port", port,
                "timeout", "500 ms", "retries", 0, "area", "1 cm^2", "registers",
                reg("force", reg("function", "input", "address", 0, "type", "float32", "unit", "N"))), "lab.yaml:3:3");
    }

    /** Opens a press whose first reading answers the float32 registers {@code hi lo} (hex). */
    private static InstrumentException openWithForce(String registers) throws Exception {
        try (ModbusPeer peer = new ModbusPeer()
                .expect("00 01 00 00 00 06 01 04 00 00 00 02", "00 01 00 00 00 07 01 04 04 " + registers)
                .start()) {
            InstrumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThrows(InstrumentException.class, () -> Drivers.named("modbus-pressure").open(press(peer.port()))));
            assertEquals(List.of(), peer.problems());
            return e;
        }
    }

    @Test
    void aFloatHoldingNotANumberNamesTheInstrumentTheRegisterAndTheValue() throws Exception {
        InstrumentException e = openWithForce("7F C0 00 00");
        assertEquals("press-1: 'read input 0x0000 x2': input 0x0000 float32 (force) holds NaN (registers 7FC0 0000):"
                + " the device has no value there (a broken or unplugged sensor?)", e.getMessage());
    }

    @Test
    void anInfiniteFloatIsRefusedTheSameWay() throws Exception {
        InstrumentException e = openWithForce("FF 80 00 00");
        assertEquals("press-1: 'read input 0x0000 x2': input 0x0000 float32 (force) holds -Infinity (registers FF80"
                + " 0000): the device has no value there (a broken or unplugged sensor?)", e.getMessage());
    }

    @Test
    void theLargestFloatIsAnOverRangeCodeNotAForce() throws Exception {
        InstrumentException e = openWithForce("7F 7F FF FF");
        assertEquals("press-1: 'read input 0x0000 x2': input 0x0000 float32 (force) holds 3.402823e+38 N (registers"
                + " 7F7F FFFF), beyond any force a fixture can hold (1e+12 N): an over-range or error code"
                + " of the device, or a wrong 'type', 'word_order' or 'scale' in the register map", e.getMessage());
    }

    @Test
    void aTemperatureBelowAbsoluteZeroIsNotAReading() throws Exception {
        // int16 -3000 × 0.1 = -300 °C: below absolute zero, so the map or the device is wrong
        try (ModbusPeer peer = new ModbusPeer()
                .expect("00 01 00 00 00 06 01 04 00 00 00 01", "00 01 00 00 00 05 01 04 02 F4 48")
                .start()) {
            InstrumentConfig chamber = new InstrumentConfig("chamber-1", "modbus-chamber", reg("host", "127.0.0.1",
                    "port", peer.port(), "timeout", "500 ms", "retries", 0, "registers", reg(
                            "temperature", reg("function", "input", "address", 0, "type", "int16", "scale", 0.1),
                            "setpoint", reg("function", "holding", "address", 0, "type", "int16", "scale", 0.1))),
                    "lab.yaml:9:3");
            InstrumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThrows(InstrumentException.class, () -> Drivers.named("modbus-chamber").open(chamber)));
            assertEquals("chamber-1: 'read input 0x0000 x1': input 0x0000 int16 (temperature) holds -300 °C"
                    + " (registers F448), below absolute zero: an over-range or error code of the device, or a wrong"
                    + " 'type', 'scale', 'offset' or 'unit' in the register map", e.getMessage());
            assertEquals(List.of(), peer.problems());
        }
    }
}
