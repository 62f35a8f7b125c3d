package io.cellbench.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusRtuBus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A press (unit 1) and a chamber controller (unit 2) on one RS-485 line — one socat pty pair,
 * both simulators behind its far end — as a lab wires them. Both lab entries name the same
 * serial port; the drivers share it and take turns on it. Needs socat.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModbusSharedLineTest {

    @TempDir
    Path dir;
    private ModbusPressSimulator press;
    private ModbusChamberSimulator chamber;
    private ModbusRtuBus bus;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(10e6);
        SystemLabClock clock = new SystemLabClock();
        press = new ModbusPressSimulator("press-1", 1, cell, clock);
        chamber = new ModbusChamberSimulator("chamber-1", 2, List.of(cell), clock);
        bus = ModbusRtuBus.start(dir, press, chamber);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        bus.close();
        press.close();
        chamber.close();
    }

    private Map<String, Object> entry(Object device, Object... changes) {
        Map<String, Object> e = new LinkedHashMap<>(bus.labEntry(device == press ? press : chamber));
        e.put("timeout", "500 ms");
        e.put("retries", 1);
        for (int i = 0; i < changes.length; i += 2) {
            e.put((String) changes[i], changes[i + 1]);
        }
        return e;
    }

    private PressureFixture openPress(Map<String, Object> entry) {
        PressureFixture p = (PressureFixture) Drivers.named("modbus-pressure").open(ModbusSimulatorTest.config("press-1", entry));
        opened.add(p);
        return p;
    }

    private TemperatureChamber openChamber(Map<String, Object> entry) {
        TemperatureChamber c = (TemperatureChamber) Drivers.named("modbus-chamber")
                .open(ModbusSimulatorTest.config("chamber-1", entry));
        opened.add(c);
        return c;
    }

    @Test
    void aPressAndAChamberOnOneLineBothOpenAndTakeTurns() throws Exception {
        PressureFixture p = openPress(entry(press));
        TemperatureChamber c = openChamber(entry(chamber));
        // two threads, one per device, as two cells' runners would: every answer must be its own
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pressReads = () -> {
                for (int i = 0; i < 40; i++) {
                    double pa = p.readPressurePa();
                    assertEquals(10e6, pa, 1e6, "a pressure, not a temperature");
                }
                return 40;
            };
            Callable<Integer> chamberReads = () -> {
                for (int i = 0; i < 40; i++) {
                    assertEquals(25, c.readTemperatureCelsius(), 1, "a temperature, not a force");
                    if (i == 20) {
                        c.setTemperatureCelsius(31.5);
                    }
                }
                return 40;
            };
            Future<Integer> a = threads.submit(pressReads);
            Future<Integer> b = threads.submit(chamberReads);
            assertEquals(40, a.get(60, TimeUnit.SECONDS));
            assertEquals(40, b.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(31.5, c.setpointCelsius(), 1e-9);
        assertTrue(chamber.running());
        p.setPressurePa(20e6);
        assertEquals(20e6, press.fixture().setpointPa(), 1);
    }

    @Test
    void whatTheOpenVerifiedIsReportedForProbe() {
        Map<String, Object> pressEntry = entry(press);
        pressEntry.remove("fault_bits"); // its status word is still read, and the report warns
        PressureFixture p = openPress(pressEntry);
        TemperatureChamber c = openChamber(entry(chamber));
        String tty = bus.driverEnd().toString();
        List<VerifiedFact> pressFacts = p.verified();
        assertEquals(VerifiedFact.ok("unit id", "1 answered (Modbus RTU unit 1 at serial " + tty + " 115200 8N1)"),
                pressFacts.get(0));
        assertEquals("force", pressFacts.get(1).what());
        assertTrue(pressFacts.get(1).value().matches("input 0x0000 float32 \\(force\\) = [0-9.]+ N → [0-9.]+ MPa"),
                pressFacts.get(1).value());
        assertEquals("status", pressFacts.get(2).what());
        assertTrue(pressFacts.get(2).value().startsWith("holding 0x0012 uint16 (status) = 0x000"), pressFacts.get(2).value());
        assertEquals("no 'fault_bits' set: a fault the press reports in its status word goes unnoticed; name the bits"
                + " that mean a fault, e.g. 'fault_bits: 0x0004'", pressFacts.get(2).warning());
        assertEquals(List.of(VerifiedFact.ok("unit id", "2 answered (Modbus RTU unit 2 at serial " + tty + " 115200 8N1)"),
                VerifiedFact.ok("line", "shared with press-1 (one port, requests in turn)"),
                VerifiedFact.ok("temperature", "input 0x0000 int16 (temperature) = 25 °C")), c.verified());
    }

    @Test
    void closingOneDeviceLeavesTheOtherOnTheLineAndTheLastOneFreesThePort() throws Exception {
        PressureFixture p = openPress(entry(press));
        TemperatureChamber c = openChamber(entry(chamber));
        p.close();
        assertEquals(25, c.readTemperatureCelsius(), 1);
        c.close();
        assertTrue(p.identify().startsWith("modbus-pressure: Modbus RTU unit 1 at serial "), "a closed device names"
                + " its link without taking it again");
        // the port is free again: a new entry opens it with settings of its own (a pty ignores the baud rate)
        PressureFixture again = openPress(entry(press, "baud", 9600));
        assertTrue(again.readPressurePa() > 9e6);
    }

    @Test
    void devicesOnOnePortMustAgreeOnItsSerialSettings() {
        openPress(entry(press));
        InstrumentException e = assertThrows(InstrumentException.class, () -> openChamber(entry(chamber, "baud", 9600)));
        assertEquals("chamber-1: 'connect': serial port " + bus.driverEnd() + " is already open for press-1 as"
                + " 'serial " + bus.driverEnd() + " 115200 8N1' (Modbus RTU); this entry asks for 'serial " + bus.driverEnd()
                + " 9600 8N1' (Modbus RTU): devices on one RS-485 line share its baud rate, parity, stop bits and framing,"
                + " so give every entry naming this port the same settings", e.getMessage());
    }

    @Test
    void aWrongUnitIdTimesOutNamingTheUnitAndTheSettingToCheck() {
        openPress(entry(press));
        TransportTimeoutException e = assertThrows(TransportTimeoutException.class,
                () -> openChamber(entry(chamber, "unit_id", 3)));
        assertEquals("chamber-1: 'read input 0x0000 x1': no answer from unit 3 within 500 ms on serial " + bus.driverEnd()
                + " 115200 8N1 (tried 2 times, on a new connection each retry); unit 3 has not answered on this line:"
                + " check 'unit_id' (3) against the Modbus address set on the device (unit 1 answers on this line, so"
                + " its baud rate and parity are right)", e.getMessage());
    }
}
