package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.wire.SocatPair;
import io.cellbench.fixtures.wire.palmsens.MethodScriptSimulator;
import io.cellbench.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep that takes real time (the simulator on the wall clock, 20 times faster than a real
 * device: 100 kHz → 100 mHz at 5 points per decade takes ≈ 4 s), aborted from another thread
 * over a real pty. The two-minute bound is a hang guard, not a speed goal; the abort comes once
 * the device has sent a few data packages (OCP readings, impedance points), so it finds the
 * sweep running, and its outcome (an abort error, not 31 points) shows that it stopped it.
 */
class PalmSensAbortTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void abortFromAnotherThreadEndsTheSweepAndTheDeviceIsUsableAfterwards() throws Exception {
        onASlowDevice((sim, eis) -> {
            CompletableFuture<Object> sweep = CompletableFuture.supplyAsync(() -> {
                try {
                    return eis.measure(0, EisBench.SWEEP);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            sweepUnderWay(sim);
            eis.abort();
            Object outcome = sweep.get(60, TimeUnit.SECONDS);
            InstrumentException e = assertInstanceOf(InstrumentException.class, outcome);
            assertEquals("eis-1", e.instrument());
            assertEquals("meas_loop_eis", e.command());
            assertTrue(e.getMessage().matches("eis-1: 'meas_loop_eis': sweep aborted after \\d+ of 31 points"),
                    e.getMessage());
            assertEquals(1, sim.aborts(), "the device received Z while sweeping");
            assertFalse(sim.running());

            // the same link, no reconnect: a short sweep runs to its end
            EisRequest shortSweep = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 100e3, 10e3, 5, 0.01);
            assertEquals(6, eis.measure(0, shortSweep).size());
            assertEquals(0, eis.reconnects());
        });
    }

    /**
     * A program that died half-way through writing a command leaves the device holding part of
     * a line. PalmSens' abort_and_sync (Example_Python/.../instrument.py) sends a newline before
     * {@code Z} "to flush possible command in command buffer"; without it the {@code Z} is glued
     * to that part ("tZ", an unknown command) and never read as an abort.
     */
    @Test
    void openSyncsADeviceLeftHoldingHalfACommand() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (SocatPair pair = SocatPair.start(dir); EisBench bench = new EisBench()) {
                bench.simulator.startSerial(pair.instrumentEnd());
                com.fazecast.jSerialComm.SerialPort crashed = com.fazecast.jSerialComm.SerialPort.getCommPort(
                        pair.driverEnd().toString());
                assertTrue(crashed.openPort());
                byte[] half = "t".getBytes(java.nio.charset.StandardCharsets.US_ASCII); // its line end never went out
                assertEquals(half.length, crashed.writeBytes(half, half.length));
                while (bench.simulator.partialLineBytes() == 0) {
                    Thread.sleep(5); // until the device holds it: closing the port may drop bytes still in flight
                }
                crashed.closePort();
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings
                        .serial(pair.driverEnd().toString()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
                    EisRequest shortSweep = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 100e3, 10e3, 5, 0.01);
                    assertEquals(6, eis.measure(1, shortSweep).size());
                }
            }
        });
    }

    @Test
    void anAbortWithNoSweepRunningChangesNothing() throws Exception {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (EisBench bench = new EisBench()) {
                int port = bench.simulator.startTcp();
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings.serial("unused")
                        .withTransport(new io.cellbench.drivers.transport.TransportSettings.Tcp("127.0.0.1", port,
                                Duration.ofSeconds(2))))) {
                    eis.abort();
                    assertEquals(31, eis.measure(0, EisBench.SWEEP).size());
                }
            }
        });
    }

    @Test
    void interruptingTheMeasuringThreadStopsTheDeviceToo() throws Exception {
        onASlowDevice((sim, eis) -> {
            java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
            Thread runner = Thread.ofPlatform().start(() -> {
                try {
                    outcome.set(eis.measure(0, EisBench.SWEEP));
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            sweepUnderWay(sim);
            runner.interrupt();
            assertTrue(runner.join(Duration.ofSeconds(60)), "measure() returned");
            InstrumentException e = assertInstanceOf(InstrumentException.class, outcome.get());
            assertTrue(e.getMessage().startsWith("eis-1: 'meas_loop_eis': interrupted: sweep aborted after "),
                    e.getMessage());
            assertTrue(stillInterrupted.get(), "the interrupt is kept for the caller");
            assertEquals(1, sim.aborts());
            assertFalse(sim.running());
        });
    }

    /** A test of a sweep on the slow device. */
    private interface SlowDeviceTest {
        void run(MethodScriptSimulator sim, PalmSensEisAnalyzer eis) throws Exception;
    }

    /**
     * Runs {@code test} on a slow device (the simulator on the wall clock, 20 times faster than
     * a real one) at one end of a pty and the driver at the other, under the hang guard.
     */
    private void onASlowDevice(SlowDeviceTest test) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (SocatPair pair = SocatPair.start(dir);
                 MethodScriptSimulator sim = new MethodScriptSimulator("palmsens-slow",
                         Map.of(1, EisBench.coin()), new SystemLabClock(), 20)) {
                sim.startSerial(pair.instrumentEnd());
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings
                        .serial(pair.driverEnd().toString()).withOcpTime(Duration.ofSeconds(2)))) {
                    test.run(sim, eis);
                }
            }
        });
    }

    /** Waits until the device has sent a few data packages: a sweep is then running, to be stopped. */
    private static void sweepUnderWay(MethodScriptSimulator sim) throws InterruptedException {
        Await.until("OCP readings and a few points sent", () -> sim.packagesSent() >= 4);
    }
}
