package io.cellbench.drivers.keithley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.SocatPair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver over a serial line: a socat pty pair, the simulator on one end (opened with
 * jSerialComm), the driver's SerialTransport on the other. Needs socat; without it these
 * tests fail and say how to get it (./run-tests installs it).
 */
class Keithley2450SerialTest {

    @TempDir
    Path dir;
    private SocatPair pair;
    private Bench bench;
    private Keithley2450Channel smu;

    @BeforeEach
    void open() throws IOException {
        pair = SocatPair.start(dir);
        bench = new Bench(0.3);
        bench.simulator.startSerial(pair.instrumentEnd());
        TransportSettings serial = new TransportSettings.Serial(
                SerialSettings.eightNoneOne(pair.driverEnd().toString(), 115200));
        smu = Keithley2450Factory.open("smu-serial", Keithley2450Settings.tcp("unused", 1)
                .withTransport(serial).withTimeout(Duration.ofMillis(500), 1));
    }

    @AfterEach
    void close() {
        if (smu != null) {
            smu.close();
        }
        if (bench != null) {
            bench.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void aCcChargeOverThePtyMatchesTheInProcessChannel() {
        assertTrue(smu.identify().contains("MODEL 2450"));
        ChannelCommand cc = new ChannelCommand.Current(1e-3, 1.9, 3.7);
        smu.apply(cc);
        bench.twin.apply(cc);
        for (int i = 0; i < 20; i++) {
            bench.advance(30);
            ChannelReading wire = smu.read();
            bench.assertSame(wire, bench.twin.read(), "CC step " + i);
            assertEquals(1e-3, wire.currentAmpere(), 2e-5);
        }
        smu.apply(new ChannelCommand.OpenCircuit());
        bench.twin.apply(new ChannelCommand.OpenCircuit());
        bench.advance(60);
        bench.assertSame(smu.read(), bench.twin.read(), "rest");
    }

    @Test
    void virtualThreadsUseTheSerialPortThroughAPlatformThread() throws Exception {
        AtomicReference<ChannelReading> got = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> got.set(smu.read()));
        assertTrue(t.join(Duration.ofSeconds(60)));
        assertTrue(got.get().voltageVolt() > 3, String.valueOf(got.get()));
    }

    @Test
    void aSilentInstrumentOnTheLineTimesOutNamingInstrumentAndCommand() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            bench.simulator.faults().set(FaultPolicy.noAnswer());
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, smu::read);
            assertEquals("smu-serial", e.instrument());
            assertEquals(Keithley2450Channel.READ_QUERY, e.command());
            assertTrue(e.getMessage().contains("serial " + pair.driverEnd()), e.getMessage());
            bench.simulator.faults().clear();
            assertTrue(smu.read().voltageVolt() > 3, "the port was reopened and answers again");
        });
    }
}
