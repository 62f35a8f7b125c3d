package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.SocatPair;
import io.cellbench.fixtures.wire.palmsens.MethodScriptSimulator;
import io.cellbench.testing.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault policy of the simulator ends in a clear InstrumentException naming the
 * instrument and the command, and the next sweep works once the fault is gone — never a hang.
 * Over TCP (a serial-to-LAN bridge: the only link that can be dropped), and the pulled link
 * over a pty. The 20 s bound is a hang guard, not a speed goal.
 */
class PalmSensFaultTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2); // a hang guard, not a speed goal
    private static final EisRequest SWEEP = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 100e3, 1e3, 5, 0.01);

    @TempDir
    Path dir;
    private EisBench bench;
    private PalmSensEisAnalyzer eis;

    @BeforeEach
    void open() throws IOException {
        bench = new EisBench();
        int port = bench.simulator.startTcp();
        eis = PalmSensFactory.open("eis-1", PalmSensSettings.serial("unused")
                .withTransport(new TransportSettings.Tcp("127.0.0.1", port, Duration.ofSeconds(2)))
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)));
    }

    @AfterEach
    void close() {
        bench.simulator.faults().clear();
        eis.close();
        bench.close();
    }

    private static void guarded(Executable test) {
        assertTimeoutPreemptively(HANG_GUARD, test);
    }

    private static void assertNames(InstrumentException e) {
        assertEquals("eis-1", e.instrument());
        assertEquals("meas_loop_eis", e.command());
        assertTrue(e.getMessage().startsWith("eis-1: 'meas_loop_eis': "), e.getMessage());
    }

    private void assertRecovered() {
        bench.simulator.faults().clear();
        assertEquals(11, eis.measure(0, SWEEP).size(), "sweeps work again");
    }

    @Test
    void aDeviceThatNeverAnswersTimesOutNamingInstrumentAndCommand() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.noAnswer());
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> eis.measure(0, SWEEP));
            assertNames(e);
            assertTrue(e.getMessage().contains("no echo of the script ('e') within 500 ms on tcp 127.0.0.1:"),
                    e.getMessage());
            assertRecovered();
            assertEquals(1, eis.reconnects(), "reopened, and stopped whatever still ran there");
        });
    }

    @Test
    void aLostDataPackageIsNoticed() {
        guarded(() -> {
            // e, '*' after the OCP loop and three packages go out; the fourth package is lost
            bench.simulator.faults().set(FaultPolicy.noAnswer(), 1);
            bench.simulator.holdFaults(5);
            InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(0, SWEEP));
            assertNames(e);
            assertEquals("eis-1: 'meas_loop_eis': the script ended after 10 of 11 points", e.getMessage());
            assertRecovered();
        });
    }

    @Test
    void aStallLongerThanTheTimeoutIsATimeout() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.stall(Duration.ofSeconds(2)), 1);
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> eis.measure(0, SWEEP));
            assertNames(e);
            assertRecovered();
        });
    }

    @Test
    void aDroppedConnectionIsReportedAndTheNextSweepReconnects() {
        guarded(() -> {
            int connections = bench.simulator.connectionsAccepted();
            bench.simulator.faults().set(FaultPolicy.disconnect(), 1);
            LinkDownException e = assertThrows(LinkDownException.class, () -> eis.measure(0, SWEEP));
            assertNames(e);
            assertTrue(e.getMessage().contains("connection closed by the instrument (tcp 127.0.0.1:"), e.getMessage());
            assertRecovered();
            assertEquals(connections + 1, bench.simulator.connectionsAccepted());
        });
    }

    @Test
    void garbageIsReportedWithTheAnswerShown() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.garbage(24), 1);
            InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(0, SWEEP));
            assertNames(e);
            assertTrue(e.getMessage().contains("cannot read the answer '") && e.getMessage().endsWith("expected the echo 'e'"),
                    e.getMessage());
            assertRecovered();
        });
    }

    @Test
    void anErrorTheDeviceReportsNamesTheScriptLine() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.errorEntry(0x4003, "argument out of range"), 1);
            InstrumentException e = assertThrows(InstrumentException.class, () -> eis.measure(0, SWEEP));
            assertNames(e);
            assertEquals("eis-1: 'meas_loop_eis': the device reports !4003 (argument out of range) at script line 18,"
                    + " column 1 'meas_loop_eis f r j 10m 100k 1k 11 p' after 0 of 11 points", e.getMessage());
            assertRecovered();
            assertEquals(0, eis.reconnects(), "the script was read to its end: the link is in step");
        });
    }

    @Test
    void slowAnswersAreReadWhole() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.slow(Duration.ofMillis(1)));
            assertEquals(11, eis.measure(0, SWEEP).size());
            assertEquals(0, eis.reconnects());
        });
    }

    @Test
    void killingTheSimulatorMidSweepOverAPtyFailsNamingInstrumentAndCommand() throws Exception {
        guarded(() -> {
            SocatPair pair = SocatPair.start(dir);
            MethodScriptSimulator sim = new MethodScriptSimulator("palmsens-killed", Map.of(1, EisBench.coin()),
                    new SystemLabClock(), 20);
            sim.startSerial(pair.instrumentEnd());
            try (PalmSensEisAnalyzer serial = PalmSensFactory.open("eis-2", PalmSensSettings
                    .serial(pair.driverEnd().toString()).withOcpTime(Duration.ofSeconds(2))
                    .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)))) {
                CompletableFuture<Object> sweep = CompletableFuture.supplyAsync(() -> {
                    try {
                        return serial.measure(0, EisBench.SWEEP);
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                // mid-sweep: the device has sent OCP readings and a few points
                Await.until("OCP readings and a few points sent", () -> sim.packagesSent() >= 4);
                sim.close();
                pair.close();
                InstrumentException e = assertInstanceOf(InstrumentException.class, sweep.get(60, TimeUnit.SECONDS));
                assertEquals("eis-2", e.instrument());
                assertEquals("meas_loop_eis", e.command());
                assertTrue(e.getMessage().contains(pair.driverEnd().toString()), e.getMessage());
            } finally {
                sim.close();
                pair.close();
            }
        });
    }
}
