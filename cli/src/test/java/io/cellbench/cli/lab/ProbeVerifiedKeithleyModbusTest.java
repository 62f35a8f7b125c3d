package io.cellbench.cli.lab;

import static io.cellbench.cli.lab.ProbeAndPortsTest.cellbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.lab.ProbeAndPortsTest.Result;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.lab.LabYaml;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusRtuBus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cellbench probe} prints what each driver verified on the device, warnings on stderr too. */
@Timeout(90)
class ProbeVerifiedKeithleyModbusTest {
    @TempDir
    Path dir;

    @Test
    void probeOfModbusDevicesOnOneLineSaysWhichUnitAnsweredAndWhatItRead() throws Exception {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.setPressurePa(10e6);
        SystemLabClock clock = new SystemLabClock();
        try (ModbusPressSimulator press = new ModbusPressSimulator("press-1", 1, cell, clock);
             ModbusChamberSimulator chamber = new ModbusChamberSimulator("chamber-1", 2, List.of(cell), clock);
             ModbusRtuBus bus = ModbusRtuBus.start(dir, press, chamber)) {
            Map<String, Object> pressEntry = bus.labEntry(press);
            pressEntry.remove("fault_bits");
            Map<String, Object> entries = new LinkedHashMap<>();
            entries.put("press-1", pressEntry);
            entries.put("chamber-1", bus.labEntry(chamber));
            Files.writeString(dir.resolve("lab.yaml"), LabYaml.instruments(entries));
            String tty = bus.driverEnd().toString();

            Result p = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "press-1");
            assertEquals(0, p.code(), p.out() + p.err());
            assertTrue(p.out().contains("  unit id: 1 answered (Modbus RTU unit 1 at serial " + tty + " 115200 8N1)\n"),
                    p.out());
            assertTrue(p.out().contains("  force: input 0x0000 float32 (force) = "), p.out());
            assertTrue(p.out().contains("  status: holding 0x0012 uint16 (status) = 0x000"), p.out());
            assertTrue(p.out().contains("WARNING: no 'fault_bits' set"), p.out());
            assertTrue(p.err().contains("warning: press-1: status: no 'fault_bits' set"), p.err());

            Result c = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "chamber-1");
            assertEquals(0, c.code(), c.out() + c.err());
            assertTrue(c.out().contains("  unit id: 2 answered (Modbus RTU unit 2 at serial " + tty + " 115200 8N1)\n"),
                    c.out());
            assertTrue(c.out().contains("  temperature: input 0x0000 int16 (temperature) = 25 °C\n"), c.out());
        }
    }

    @Test
    void probeOfAKeithleySaysItsModelFirmwareAndLanguageAndATspOneIsRefusedWithTheWayBack() throws Exception {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        try (Keithley2450Simulator smu = new Keithley2450Simulator(cell, new SystemLabClock())) {
            Files.writeString(dir.resolve("lab.yaml"), "instruments:\n  smu-1: {driver: keithley-2450, host: 127.0.0.1,"
                    + " port: " + smu.startTcp() + "}\n");
            Result ok = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "smu-1");
            assertEquals(0, ok.code(), ok.out() + ok.err());
            assertTrue(ok.out().contains("  model: 2450, serial 04500001\n  firmware: " + Keithley2450Simulator.FIRMWARE
                    + "\n  command language: SCPI\n"), ok.out());

            smu.powerUpInLanguage("TSP");
            Result tsp = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "smu-1");
            assertEquals(3, tsp.code(), tsp.out() + tsp.err());
            assertTrue(tsp.err().contains("smu-1: '*LANG?': the 2450 runs its TSP command set; cellbench drives it in"
                    + " SCPI"), tsp.err());
            assertTrue(tsp.err().contains("*LANG SCPI"), tsp.err());
        }
    }
}
