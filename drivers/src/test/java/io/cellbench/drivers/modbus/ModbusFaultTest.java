package io.cellbench.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import io.cellbench.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fault the simulator can produce gives a clear error naming the instrument and the
 * operation, or is ridden out by a retry on a new link — never a hang (each test has a
 * timeout well above the driver's own bound of (retries + 1) × timeout). Over Modbus TCP and
 * over Modbus RTU on a socat pty.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModbusFaultTest {

    private static final String READ = "press-1: 'read input 0x0000 x2': ";

    @TempDir
    Path dir;
    private ModbusPressSimulator sim;
    private ModbusPressureFixture press;
    private String endpoint;

    private void start(boolean serial) throws Exception {
        start(serial, 1);
    }

    private void start(boolean serial, int retries) throws Exception {
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(10e6);
        sim = new ModbusPressSimulator("press-1", cell, new SharedVirtualClock(Bench.START));
        if (serial) {
            sim.startSerial(dir);
        } else {
            sim.startTcp();
        }
        Map<String, Object> entry = new LinkedHashMap<>(sim.labEntry());
        entry.put("timeout", "300 ms");
        entry.put("retries", retries);
        press = (ModbusPressureFixture) Drivers.named("modbus-pressure").open(ModbusSimulatorTest.config("press-1", entry));
        endpoint = serial ? "serial " + entry.get("serial_port") + " 115200 8N1" : "tcp 127.0.0.1:" + entry.get("port");
    }

    @AfterEach
    void stop() {
        if (press != null) {
            press.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void aSilentDeviceTimesOutNamingTheInstrumentAndTheRead(boolean serial) throws Exception {
        start(serial);
        sim.faults().set(FaultPolicy.noAnswer());
        TransportTimeoutException e = assertThrows(TransportTimeoutException.class, press::readPressurePa);
        assertEquals(READ + "no answer from unit 1 within 300 ms on " + endpoint + " (tried 2 times, on a new"
                + " connection each retry)", e.getMessage());
        sim.faults().clear();
        assertTrue(press.readPressurePa() > 9e6, "reads again once the device answers");
    }

    @Test
    void aUnitIdNoDeviceOnTheLineAnswersToTimesOutSayingWhichSettingToCheck() throws Exception {
        SimulatedCell cell = Bench.formedCoin(0.5);
        sim = new ModbusPressSimulator("press-1", cell, new SharedVirtualClock(Bench.START));
        sim.startSerial(dir);
        Map<String, Object> entry = new LinkedHashMap<>(sim.labEntry());
        entry.put("timeout", "300 ms");
        entry.put("retries", 0);
        entry.put("unit_id", 5); // the device's address is 1
        TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> Drivers.named("modbus-pressure")
                .open(ModbusSimulatorTest.config("press-1", entry)));
        assertEquals(READ + "no answer from unit 5 within 300 ms on serial " + entry.get("serial_port") + " 115200 8N1;"
                + " unit 5 has not answered on this line: check 'unit_id' (5) against the Modbus address set on the"
                + " device, and 'baud', 'parity' and 'stop_bits' against its serial settings", e.getMessage());
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void oneLostAnswerIsRiddenOutOnANewLink(boolean serial) throws Exception {
        start(serial);
        int reconnects = press.master().reconnects();
        sim.faults().set(FaultPolicy.noAnswer(), 1);
        assertTrue(press.readPressurePa() > 9e6);
        assertEquals(reconnects + 1, press.master().reconnects());
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void aStalledAnswerTimesOutAndIsNotTakenForTheNextOne(boolean serial) throws Exception {
        // TCP: both attempts stall, each on its own connection. RTU has no transaction ids: a
        // retry would queue behind the stalled request and may take its (identical) late
        // answer, so the serial case makes one attempt.
        start(serial, serial ? 0 : 1);
        int stalls = serial ? 1 : 2;
        long before = sim.faults().applied();
        sim.faults().set(FaultPolicy.stall(Duration.ofMillis(700)), stalls);
        assertThrows(TransportTimeoutException.class, press::readPressurePa);
        // the late answers arrive on the old links (TCP) or the line (RTU): the next read comes after them
        awaitLateAnswers(before + stalls);
        double pa = press.readPressurePa();
        assertEquals(sim.lastPressurePa(), pa, 1e-6 * pa);
    }

    /** Waits until {@code faults} answers were spoiled and the simulator has finished sending every one. */
    private void awaitLateAnswers(long faults) throws InterruptedException {
        Await.until(() -> "the simulator sent its late answers (faults applied: " + sim.faults().applied() + " of "
                + faults + ", answers in progress: " + sim.slave().answersInProgress() + ")",
                () -> sim.faults().applied() >= faults && sim.slave().answersInProgress() == 0);
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void aDroppedLinkIsReconnected(boolean serial) throws Exception {
        start(serial);
        sim.faults().set(FaultPolicy.disconnect(), 1);
        assertTrue(press.readPressurePa() > 9e6);
        sim.faults().set(FaultPolicy.disconnect());
        InstrumentException e = assertThrows(InstrumentException.class, press::readPressurePa);
        if (serial) {
            // a serial line has no connection to drop: the device goes silent
            assertInstanceOf(TransportTimeoutException.class, e);
        } else {
            assertInstanceOf(LinkDownException.class, e);
            assertEquals(READ + "connection closed by the instrument (" + endpoint + ") (tried 2 times, on a new"
                    + " connection each retry)", e.getMessage());
        }
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void garbageIsRefusedAndTheNextReadIsClean(boolean serial) throws Exception {
        start(serial);
        sim.faults().set(FaultPolicy.garbage(40));
        InstrumentException e = assertThrows(InstrumentException.class, press::readPressurePa);
        assertTrue(e.getMessage().startsWith(READ), e.getMessage());
        assertTrue(e.getMessage().endsWith("(tried 2 times, on a new connection each retry)"), e.getMessage());
        sim.faults().set(FaultPolicy.garbage(40), 1);
        double pa = press.readPressurePa();
        assertEquals(sim.lastPressurePa(), pa, 1e-6 * pa);
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void aTrickleSlowerThanTheTimeoutIsCutOff(boolean serial) throws Exception {
        start(serial, 0);
        long before = sim.faults().applied();
        sim.faults().set(FaultPolicy.slow(Duration.ofMillis(120)), 1);
        TransportTimeoutException e = assertThrows(TransportTimeoutException.class, press::readPressurePa);
        // the trickle goes on for 8..13 × 120 ms (longer when a loaded machine oversleeps each
        // byte): the next read comes once it has ended
        awaitLateAnswers(before + 1);
        assertTrue(e.getMessage().startsWith(READ + "answer incomplete after 300 ms on " + endpoint + ": got "),
                e.getMessage());
        assertTrue(press.readPressurePa() > 9e6);
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void aModbusExceptionIsReportedWithItsMeaningAndNotRetried(boolean serial) throws Exception {
        start(serial);
        int reconnects = press.master().reconnects();
        sim.faults().set(FaultPolicy.errorEntry(4, "press controller fault"), 1);
        ModbusExceptionResponse e = assertThrows(ModbusExceptionResponse.class, press::readPressurePa);
        assertEquals(READ + "device answered Modbus exception 4 (server device failure)", e.getMessage());
        assertEquals(reconnects, press.master().reconnects());
        assertTrue(press.readPressurePa() > 9e6);
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void aSetpointWhoseAnswerWasLostIsSentAgain(boolean serial) throws Exception {
        start(serial);
        sim.faults().set(FaultPolicy.noAnswer(), 1);
        press.setPressurePa(30e6);
        assertEquals(30e6, sim.fixture().setpointPa(), 1);
        assertTrue(sim.enabled());
    }

    @ParameterizedTest(name = "serial={0}")
    @ValueSource(booleans = {false, true})
    void theSimulatorKilledMidReadGivesAClearErrorNotAHang(boolean serial) throws Exception {
        start(serial);
        long before = sim.faults().applied();
        sim.faults().set(FaultPolicy.stall(Duration.ofSeconds(30)));
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                // mid-read: the simulator holds the read's answer when it is switched off
                Await.until("the read reached the simulator", () -> sim.faults().applied() > before);
            } catch (InterruptedException ignored) {
                return;
            }
            sim.close();
        });
        InstrumentException e = assertThrows(InstrumentException.class, press::readPressurePa);
        killer.join();
        assertTrue(e.getMessage().startsWith(READ), e.getMessage());
        if (!serial) {
            assertInstanceOf(LinkDownException.class, e);
            // the retry finds the port closed, or (when the kernel had already queued its
            // connection) a connection that closes at once
            assertTrue(e.getMessage().contains("reconnect to " + endpoint + " failed: cannot connect")
                    || e.getMessage().contains("connection closed by the instrument (" + endpoint + ")"), e.getMessage());
        }
        // and every later call fails the same quick way
        assertThrows(InstrumentException.class, press::readPressurePa);
    }
}
