package io.cellbench.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.SerialTransport;
import io.cellbench.drivers.transport.TcpTransport;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * j2mod's own masters — Modbus TCP, and Modbus RTU through jSerialComm on a socat pty path —
 * against the press simulator: a second independent implementation that must read the same
 * registers as cellbench's master, and whose writes the simulator must act on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModbusJ2modTest {

    @TempDir
    Path dir;

    private static ModbusPressSimulator press() {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(25.5e6);
        return new ModbusPressSimulator("press-j", cell, new SystemLabClock());
    }

    @Test
    void j2modTcpMasterReadsWhatOurMasterReads() throws Exception {
        try (ModbusPressSimulator sim = press()) {
            int port = sim.startTcp();
            sim.freeze(true);
            ModbusTCPMaster j2mod = new ModbusTCPMaster("127.0.0.1", port, 2000, true);
            j2mod.connect();
            try (ModbusMaster ours = new ModbusMaster("press-j", new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2)),
                    ModbusMode.TCP, 1, Duration.ofSeconds(1), 0)) {
                sameRegisters(j2mod, ours);
                writesReachTheSimulator(j2mod, sim);
            } finally {
                j2mod.disconnect();
            }
        }
    }

    @Test
    void j2modSerialMasterWorksOnAPtyPathAndReadsWhatOurMasterReads() throws Exception {
        try (ModbusPressSimulator sim = press()) {
            Path tty = sim.startSerial(dir);
            sim.freeze(true);
            SerialParameters p = new SerialParameters();
            p.setPortName(tty.toString());
            p.setBaudRate(115200);
            p.setDatabits(8);
            p.setParity("None");
            p.setStopbits(1);
            p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
            p.setEcho(false);
            short[] ourWords;
            try (ModbusMaster ours = new ModbusMaster("press-j", new SerialTransport(
                    SerialSettings.eightNoneOne(tty.toString(), 115200)), ModbusMode.RTU, 1, Duration.ofSeconds(1), 0)) {
                ourWords = ours.readRegisters(RegisterTable.INPUT, 0, 10);
            } // the port opens exclusively: ours lets go before j2mod takes it
            ModbusSerialMaster j2mod = new ModbusSerialMaster(p, 1000);
            j2mod.connect();
            try {
                InputRegister[] theirs = j2mod.readInputRegisters(1, 0, 10);
                for (int i = 0; i < 10; i++) {
                    assertEquals(ourWords[i] & 0xFFFF, theirs[i].toUnsignedShort(), "input register " + i);
                }
                writesReachTheSimulator(j2mod, sim);
            } finally {
                j2mod.disconnect();
            }
        }
    }

    private static void sameRegisters(AbstractModbusMaster j2mod, ModbusMaster ours) throws Exception {
        InputRegister[] theirs = j2mod.readInputRegisters(1, 0, 10);
        short[] words = ours.readRegisters(RegisterTable.INPUT, 0, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(words[i] & 0xFFFF, theirs[i].toUnsignedShort(), "input register " + i);
        }
        boolean[] coil = ours.readCoils(0, 1);
        assertEquals(j2mod.readCoils(1, 0, 1).getBit(0), coil[0]);
    }

    /** j2mod writes the setpoint 20 MPa (float 41 A0 00 00) and sets the enable coil: the press moves toward it. */
    private static void writesReachTheSimulator(AbstractModbusMaster j2mod, ModbusPressSimulator sim) throws Exception {
        j2mod.writeMultipleRegisters(1, ModbusPressSimulator.SETPOINT_MPA,
                new com.ghgande.j2mod.modbus.procimg.Register[] {new SimpleRegister(0x41A0), new SimpleRegister(0x0000)});
        j2mod.writeCoil(1, ModbusPressSimulator.ENABLE_COIL, true);
        assertTrue(sim.enabled());
        assertEquals(20e6, sim.fixture().setpointPa(), 1e-6);
    }
}
