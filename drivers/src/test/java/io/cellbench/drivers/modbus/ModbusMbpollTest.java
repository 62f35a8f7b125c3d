package io.cellbench.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.quantity.Unit;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulators and the drivers checked against an independent Modbus implementation:
 * mbpoll (libmodbus) reads the simulator's registers, raw and as 32-bit values in both word
 * orders, over Modbus TCP and Modbus RTU on a socat pty, and must see what the driver decodes;
 * values mbpoll writes must read back through the driver's register map, and the other way
 * round. Needs mbpoll and socat; fails and says how to install them when they are missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModbusMbpollTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsMbpoll() {
        Mbpoll.require();
    }

    private static List<String> tcp(int port, String... args) {
        List<String> out = new ArrayList<>(List.of("-m", "tcp", "-p", Integer.toString(port), "-a", "1", "-0", "-1", "-o", "2"));
        return withDevice(out, "127.0.0.1", args);
    }

    private static List<String> rtu(Path port, String... args) {
        List<String> out = new ArrayList<>(List.of("-m", "rtu", "-b", "115200", "-P", "none", "-a", "1", "-0", "-1", "-o", "2"));
        return withDevice(out, port.toString(), args);
    }

    /** Options, then the device, then "--" and the values to write (mbpoll's order). */
    private static List<String> withDevice(List<String> out, String device, String... args) {
        List<String> rest = List.of(args);
        int values = rest.indexOf("--");
        out.addAll(values < 0 ? rest : rest.subList(0, values));
        out.add(device);
        if (values >= 0) {
            out.addAll(rest.subList(values, rest.size()));
        }
        return out;
    }

    private static ModbusPressSimulator press(double pa) {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(pa);
        return new ModbusPressSimulator("press-x", cell, new SystemLabClock());
    }

    @Test
    void mbpollOverTcpSeesWhatTheDriverDecodes() throws Exception {
        try (ModbusPressSimulator sim = press(37.123e6)) {
            int port = sim.startTcp();
            sim.freeze(true);
            double force = sim.lastPressurePa() * sim.areaM2();
            ModbusMaster master = new ModbusMaster("press-x", new io.cellbench.drivers.transport.TcpTransport("127.0.0.1",
                    port, java.time.Duration.ofSeconds(2)), ModbusMode.TCP, 1, java.time.Duration.ofSeconds(1), 0);
            try (master) {
                // the raw 16-bit registers, word for word
                Map<Integer, String> raw = Mbpoll.values(Mbpoll.run(tcp(port, "-t", "3", "-r", "0", "-c", "10")));
                short[] words = master.readRegisters(RegisterTable.INPUT, 0, 10);
                for (int i = 0; i < 10; i++) {
                    assertEquals(words[i] & 0xFFFF, Integer.parseInt(raw.get(i)) & 0xFFFF, "input register " + i);
                }
                // 32-bit values: mbpoll's -B is big word order, its default is word-swapped
                double big = Double.parseDouble(Mbpoll.values(Mbpoll.run(tcp(port, "-t", "3:float", "-B", "-r", "0")))
                        .get(0));
                double little = Double.parseDouble(Mbpoll.values(Mbpoll.run(tcp(port, "-t", "3:float", "-r", "2")))
                        .get(2));
                long centinewton = Long.parseLong(Mbpoll.values(Mbpoll.run(tcp(port, "-t", "3:int", "-B", "-r", "4")))
                        .get(4));
                long pascal = Long.parseLong(Mbpoll.values(Mbpoll.run(tcp(port, "-t", "3:int", "-r", "6"))).get(6));
                Unit newton = Unit.lookup("N");
                assertEquals(decode(master, Register.of("f", RegisterTable.INPUT, 0, RegisterType.FLOAT32, WordOrder.BIG,
                        newton)), big, 1e-5 * force); // mbpoll prints 6 significant digits
                assertEquals(decode(master, Register.of("f", RegisterTable.INPUT, 2, RegisterType.FLOAT32,
                        WordOrder.LITTLE, newton)), little, 1e-5 * force);
                assertEquals(decode(master, new Register("f", RegisterTable.INPUT, 4, RegisterType.INT32, WordOrder.BIG,
                        0.01, 0, newton)), centinewton * 0.01, 1e-9);
                assertEquals(decode(master, Register.of("p", RegisterTable.INPUT, 6, RegisterType.UINT32,
                        WordOrder.LITTLE, Unit.lookup("Pa"))), pascal, 1e-9);
                assertEquals(force, big, 1e-5 * force);

                // mbpoll writes a float setpoint (big word order); the driver's map reads it back
                Mbpoll.run(tcp(port, "-t", "4:float", "-B", "-r", "16", "--", "33.5"));
                Register setpoint = Register.of("setpoint", RegisterTable.HOLDING, 16, RegisterType.FLOAT32,
                        WordOrder.BIG, Unit.lookup("MPa"));
                assertEquals(33.5e6, decode(master, setpoint), 1e-3);
                // the driver writes; mbpoll reads the same float
                RegisterIo.write(master, setpoint, 12.25e6, "set pressure");
                assertEquals(12.25, Double.parseDouble(Mbpoll.values(Mbpoll.run(tcp(port, "-t", "4:float", "-B", "-r",
                        "16"))).get(16)), 1e-9);
            }
        }
    }

    private static double decode(ModbusMaster master, Register r) {
        return RegisterIo.read(master, r);
    }

    @Test
    void mbpollOverAnRtuPtyAgreesWithTheChamberDriver() throws Exception {
        try (ModbusChamberSimulator sim = new ModbusChamberSimulator("chamber-x", List.of(Bench.formedCoin(0.5)),
                new SystemLabClock())) {
            Path tty = sim.startSerial(dir);
            Map<String, Object> entry = sim.labEntry();
            try (var chamber = (io.cellbench.core.instrument.TemperatureChamber) Drivers.named("modbus-chamber")
                    .open(ModbusSimulatorTest.config("chamber-x", entry))) {
                chamber.setTemperatureCelsius(37.5);
                chamber.close(); // the pty opens exclusively: mbpoll takes its turn
                Map<Integer, String> setpoint = Mbpoll.values(Mbpoll.run(rtu(tty, "-t", "4", "-r", "0")));
                assertEquals(375, Integer.parseInt(setpoint.get(0)));
                Map<Integer, String> run = Mbpoll.values(Mbpoll.run(rtu(tty, "-t", "0", "-r", "0")));
                assertEquals(1, Integer.parseInt(run.get(0)));
                // mbpoll writes 16-bit registers as unsigned: 65411 is the int16 -125
                Mbpoll.run(rtu(tty, "-t", "4", "-r", "0", "--", "65411"));
                // the driver reconnects on its next call and reads what mbpoll wrote: -12.5 °C
                assertEquals(-12.5, chamber.setpointCelsius(), 1e-9);
                double viaMbpoll = Double.parseDouble(Mbpoll.values(tryRtuRead(tty, chamber)).get(1));
                assertEquals(chamber.readTemperatureCelsius(), viaMbpoll, 0.5);
            }
        }
    }

    /** Reads the float temperature with mbpoll while the driver has let go of the port. */
    private static String tryRtuRead(Path tty, io.cellbench.core.instrument.TemperatureChamber chamber) throws Exception {
        chamber.close();
        return Mbpoll.run(rtu(tty, "-t", "3:float", "-B", "-r", "1"));
    }
}
