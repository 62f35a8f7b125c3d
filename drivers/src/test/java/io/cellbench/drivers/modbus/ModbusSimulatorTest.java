package io.cellbench.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.lab.VirtualInstrument;
import io.cellbench.fixtures.lab.VirtualInstrumentKind;
import io.cellbench.fixtures.sim.SimulatedChamber;
import io.cellbench.fixtures.sim.SimulatedPressureFixture;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The drivers against their simulators over real links — Modbus TCP on 127.0.0.1 and Modbus
 * RTU over a socat pty pair (needs socat; fails and says so without it) — opened by name from
 * the lab entry the simulator writes, and compared with an in-process twin on the same clock.
 */
class ModbusSimulatorTest {

    @TempDir
    Path dir;

    private final SharedVirtualClock clock = new SharedVirtualClock(Bench.START);
    private final VirtualClock twinClock = new VirtualClock(Bench.START);

    private void advance(double seconds) {
        clock.advance(seconds);
        twinClock.advance(seconds);
    }

    static InstrumentConfig config(String name, Map<String, Object> entry) {
        Map<String, Object> settings = new LinkedHashMap<>(entry);
        String driver = (String) settings.remove("driver");
        return new InstrumentConfig(name, driver, settings, "virtual-lab:" + name);
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void thePressOverTheWireMatchesTheInProcessPress(boolean serial) throws Exception {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(10e6);
        SimulatedCell twinCell = Bench.formedCoin(0.5);
        twinCell.setPressurePa(10e6);
        SimulatedPressureFixture twin = new SimulatedPressureFixture("twin", twinCell, twinClock, true);
        try (ModbusPressSimulator sim = new ModbusPressSimulator("press-1", cell, clock)) {
            if (serial) {
                sim.startSerial(dir);
            } else {
                sim.startTcp();
            }
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (PressureFixture press = (PressureFixture) Drivers.named("modbus-pressure")
                        .open(config("press-1", sim.labEntry()))) {
                    assertTrue(press.canSetPressure());
                    assertTrue(press.identify().startsWith("modbus-pressure: Modbus " + (serial ? "RTU" : "TCP")
                            + " unit 1 at "), press.identify());
                    assertSame(twin.readPressurePa(), press.readPressurePa(), "at rest");
                    press.setPressurePa(50e6);
                    twin.setPressurePa(50e6);
                    assertTrue(sim.enabled());
                    assertEquals(50e6, sim.fixture().setpointPa(), 1);
                    for (int i = 0; i < 12; i++) {
                        advance(10);
                        assertSame(twin.readPressurePa(), press.readPressurePa(), "after " + (10 * i + 10) + " s");
                    }
                    assertEquals(50e6, press.readPressurePa(), 1e6);
                    // the press pushed on the cell: its interface resistance follows
                    assertEquals(twinCell.pressurePa(), cell.pressurePa(), 0.01 * twinCell.pressurePa());
                }
            });
        }
    }

    @Test
    void anEnabledPressIsNoFaultWhenTheLabEntryNamesNoFaultBits() throws Exception {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(10e6);
        try (ModbusPressSimulator sim = new ModbusPressSimulator("press-1", cell, clock)) {
            sim.startTcp();
            Map<String, Object> entry = new LinkedHashMap<>(sim.labEntry());
            entry.remove("fault_bits"); // the status word stays in the map
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (PressureFixture press = (PressureFixture) Drivers.named("modbus-pressure")
                        .open(config("press-1", entry))) {
                    press.setPressurePa(12e6); // enabled: status bit 0 set, an ordinary state
                    assertTrue(sim.enabled());
                    assertTrue(press.readPressurePa() > 9e6);
                    sim.setFault(true); // only the bits the user names mean a fault: none here
                    assertTrue(press.readPressurePa() > 9e6);
                }
            });
        }
    }

    /** Two noisy readings of the same pressure agree within 7 σ of their difference (0.1 % + 2 kPa each). */
    private static void assertSame(double local, double wire, String when) {
        double sigma = Math.hypot(1e-3 * local, 2e3) * Math.sqrt(2);
        assertEquals(local, wire, 7 * sigma + 1e-6 * local, when + ": in process " + local + " Pa, over the wire " + wire);
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void theChamberOverTheWireMatchesTheInProcessChamber(boolean serial) throws Exception {
        SimulatedCell a = Bench.formedCoin(0.5);
        SimulatedCell b = Bench.formedCoin(0.5);
        SimulatedChamber twin = new SimulatedChamber("twin", twinClock, List.of(Bench.formedCoin(0.5)), 25);
        try (ModbusChamberSimulator sim = new ModbusChamberSimulator("chamber-1", List.of(a, b), clock)) {
            if (serial) {
                sim.startSerial(dir);
            } else {
                sim.startTcp();
            }
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (TemperatureChamber chamber = (TemperatureChamber) Drivers.named("modbus-chamber")
                        .open(config("chamber-1", sim.labEntry()))) {
                    assertFalse(sim.running());
                    assertEquals(25, chamber.readTemperatureCelsius(), 0.11);
                    assertEquals(25, chamber.setpointCelsius(), 1e-9);
                    chamber.setTemperatureCelsius(40);
                    twin.setTemperatureCelsius(40);
                    assertTrue(sim.running());
                    assertEquals(40, chamber.setpointCelsius(), 1e-9);
                    for (int i = 0; i < 6; i++) {
                        advance(300);
                        // 0.1 °C registers: rounding (0.05) plus 7 σ of the noise difference
                        assertEquals(twin.readTemperatureCelsius(), chamber.readTemperatureCelsius(), 0.05 + 7 * 0.03);
                    }
                    assertEquals(a.temperatureCelsius(), b.temperatureCelsius(), 1e-9);
                    assertTrue(a.temperatureCelsius() > 38, "cells in the chamber follow the air: " + a.temperatureCelsius());
                }
            });
        }
    }

    @Test
    void everyEncodingOfTheTransmitterDecodesToTheSameValue() throws Exception {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(42.4242e6);
        try (ModbusPressSimulator sim = new ModbusPressSimulator("press-1", cell, clock)) {
            sim.startTcp();
            sim.freeze(true);
            double pa = sim.lastPressurePa();
            double area = sim.areaM2();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                record Case(String key, int address, String type, String order, Object scale, String unit, double tolerancePa) {
                }
                for (Case c : List.of(
                        new Case("force", ModbusPressSimulator.FORCE_FLOAT, "float32", "big", 1, "N", 1e-6 * pa),
                        new Case("force", ModbusPressSimulator.FORCE_FLOAT_SWAPPED, "float32", "little", 1, "N", 1e-6 * pa),
                        new Case("force", ModbusPressSimulator.FORCE_INT32_CENTINEWTON, "int32", "big", "0.01", "N",
                                0.005 / area + 1e-6 * pa),
                        new Case("pressure", ModbusPressSimulator.PRESSURE_UINT32_SWAPPED_PA, "uint32", "little", 1, "Pa", 0.5),
                        new Case("pressure", ModbusPressSimulator.PRESSURE_UINT16_10KPA, "uint16", null, 0.01, "MPa", 5e3),
                        new Case("force", ModbusPressSimulator.FORCE_INT16_DECANEWTON, "int16", null, 1, "daN-as-10N", 5 / area))) {
                    Map<String, Object> register = new LinkedHashMap<>();
                    register.put("function", "input");
                    register.put("address", c.address());
                    register.put("type", c.type());
                    if (c.order() != null) {
                        register.put("word_order", c.order());
                    }
                    boolean decanewton = c.unit().startsWith("daN");
                    register.put("scale", decanewton ? 10 : c.scale());
                    register.put("unit", decanewton ? "N" : c.unit());
                    Map<String, Object> entry = new HashMap<>(sim.labEntry());
                    entry.remove("fault_bits");
                    entry.put("registers", Map.of(c.key(), register));
                    if (c.key().equals("pressure")) {
                        entry.remove("area");
                    }
                    try (PressureFixture press = (PressureFixture) Drivers.named("modbus-pressure")
                            .open(config("press-1", entry))) {
                        assertEquals(pa, press.readPressurePa(), c.tolerancePa() + 1, c.toString());
                        assertFalse(press.canSetPressure());
                    }
                }
            });
        }
    }

    @Test
    void theVirtualLabFindsBothKindsAndTheirEntriesOpenTheDrivers() throws Exception {
        Map<String, VirtualInstrumentKind> kinds = new HashMap<>();
        for (VirtualInstrumentKind k : ServiceLoader.load(VirtualInstrumentKind.class)) {
            kinds.put(k.driver(), k);
        }
        assertEquals(VirtualInstrumentKind.Role.PRESSURE_FIXTURE, kinds.get("modbus-pressure").role());
        assertEquals(VirtualInstrumentKind.Role.TEMPERATURE_CHAMBER, kinds.get("modbus-chamber").role());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (VirtualInstrument press = kinds.get("modbus-pressure").start("press-7", List.of(Bench.formedCoin(0.5)),
                    clock, true, dir);
                 VirtualInstrument chamber = kinds.get("modbus-chamber").start("chamber-7",
                         List.of(Bench.formedCoin(0.5), Bench.formedCoin(0.6), Bench.formedCoin(0.7)), clock, false, dir)) {
                assertEquals("serial", press.labEntry().get("transport"));
                assertEquals("tcp", chamber.labEntry().get("transport"));
                try (PressureFixture p = (PressureFixture) Drivers.named("modbus-pressure").open(config("press-7", press.labEntry()));
                     TemperatureChamber c = (TemperatureChamber) Drivers.named("modbus-chamber")
                             .open(config("chamber-7", chamber.labEntry()))) {
                    assertTrue(p.readPressurePa() > 0);
                    assertEquals(25, c.readTemperatureCelsius(), 0.2);
                }
            }
        });
    }
}
