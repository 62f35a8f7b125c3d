package io.cellbench.drivers.keithley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.TcpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver over a real TCP socket against the simulated 2450, checked against the in-process channel. */
class Keithley2450TcpTest {

    private Bench bench;
    private Keithley2450Channel smu;

    @BeforeEach
    void open() throws IOException {
        bench = new Bench(0.3);
        int port = bench.simulator.startTcp();
        smu = Keithley2450Factory.open("smu1", Keithley2450Settings.tcp("127.0.0.1", port));
    }

    @AfterEach
    void close() {
        smu.close();
        bench.close();
    }

    private void applyBoth(ChannelCommand command) {
        smu.apply(command);
        bench.twin.apply(command);
    }

    private ChannelReading stepAndCompare(double seconds, String when) {
        bench.advance(seconds);
        ChannelReading wire = smu.read();
        bench.assertSame(wire, bench.twin.read(), when);
        return wire;
    }

    @Test
    void ccChargeToAVoltageThenACvHoldThenARestMatchTheInProcessChannel() {
        assertEquals(0, bench.simulator.bufferCount(), "cleared at open");
        double ampere = 1e-3; // C/2 of the 2 mAh coin cell
        applyBoth(new ChannelCommand.Current(ampere, 1.9, 3.7));
        assertEquals(new ChannelCommand.Current(ampere, -3.7, 3.7), bench.simulator.command(),
                "the 2450's VLIM clamps |V|: the charge side of the window");
        ChannelReading r = null;
        int steps = 0;
        while (steps++ < 400) {
            r = stepAndCompare(30, "CC step " + steps);
            assertEquals(ampere, r.currentAmpere(), 2e-5, "positive while charging");
            if (r.voltageVolt() >= 3.55) {
                break;
            }
        }
        assertTrue(r.voltageVolt() >= 3.55, "the CC charge reached its end voltage: " + r);

        applyBoth(new ChannelCommand.Voltage(3.55, ampere));
        ChannelReading first = stepAndCompare(60, "CV start");
        ChannelReading last = first;
        for (int i = 0; i < 30; i++) {
            last = stepAndCompare(60, "CV minute " + i);
            assertEquals(3.55, last.voltageVolt(), 1e-3);
        }
        assertTrue(last.currentAmpere() < first.currentAmpere(), "the CV current decays: " + first + " → " + last);

        applyBoth(new ChannelCommand.OpenCircuit());
        ChannelReading rest = null;
        for (int i = 0; i < 10; i++) {
            rest = stepAndCompare(60, "rest minute " + i);
        }
        assertEquals(0, rest.currentAmpere(), 2e-5);
        assertTrue(rest.voltageVolt() < 3.55, "the cell relaxes at rest: " + rest);
        assertEquals(new ChannelCommand.Current(0, -21, 21), bench.simulator.command(), "a zero-current rest");
    }

    @Test
    void aDischargeHoldsAtItsFloorLikeTheInProcessCompliance() {
        close();
        bench = new Bench(0.8);
        smu = reopen();
        double ampere = -4e-4; // C/5
        applyBoth(new ChannelCommand.Current(ampere, 3.3, 3.7));
        ChannelReading r = smu.read();
        int steps = 0;
        while (r.voltageVolt() > 3.3 && steps++ < 400) {
            bench.advance(30);
            r = smu.read();
            bench.twin.read();
        }
        assertTrue(steps < 400, "reached the floor: " + r);
        assertInstanceOf(ChannelCommand.Voltage.class, bench.simulator.command(), "switched to a hold at the floor");
        for (int i = 0; i < 10; i++) {
            r = stepAndCompareCurrent(60);
        }
        assertEquals(3.3, r.voltageVolt(), 1e-3);
        assertTrue(r.currentAmpere() < 0 && r.currentAmpere() > ampere, "tapering discharge at the floor: " + r);
    }

    private ChannelReading stepAndCompareCurrent(double seconds) {
        bench.advance(seconds);
        ChannelReading wire = smu.read();
        ChannelReading local = bench.twin.read();
        assertEquals(local.currentAmpere(), wire.currentAmpere(), 2e-5, "as the in-process compliance");
        return wire;
    }

    @Test
    void aHoldAtTheFloorNeverChargesACellWhoseOwnVoltageIsBelowIt() {
        close();
        bench = new Bench(0.3); // at 1C the voltage drops below the floor at once, and the OCV is near it
        smu = reopen();
        applyBoth(new ChannelCommand.Current(-2e-3, 3.2, 3.7));
        ChannelReading r = null;
        for (int i = 0; i < 20; i++) {
            bench.advance(600);
            r = smu.read();
        }
        assertTrue(r.currentAmpere() <= 1e-5, "never charges at a discharge floor: " + r);
        assertEquals(new ChannelCommand.Current(0, -21, 21), bench.simulator.command(), "left floating at 0 A");
        assertEquals(0, bench.twin.read().currentAmpere(), 1e-5, "as the in-process compliance");
    }

    private Keithley2450Channel reopen() {
        try {
            return Keithley2450Factory.open("smu1", Keithley2450Settings.tcp("127.0.0.1", bench.simulator.startTcp()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void constantPowerTracksTheVoltage() {
        double watt = 3e-3;
        smu.apply(new ChannelCommand.Power(watt, 1.9, 3.7));
        for (int i = 0; i < 20; i++) {
            bench.advance(30);
            ChannelReading r = smu.read();
            // corrected after each reading, so off by the change of V over one period at most
            assertEquals(watt, r.voltageVolt() * r.currentAmpere(), watt * (i < 3 ? 0.05 : 0.01), "P = V·I at step " + i);
        }
    }

    @Test
    void threadsSharingTheChannelNeverGetEachOthersAnswers() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean applier = t == 0;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        if (applier) {
                            smu.apply(i % 2 == 0 ? new ChannelCommand.Current(1e-3, 1.9, 3.7)
                                    : new ChannelCommand.OpenCircuit());
                        } else {
                            ChannelReading r = smu.read();
                            assertTrue(r.voltageVolt() > 2.5 && r.voltageVolt() < 3.8, r.toString());
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : threads) {
            assertTrue(t.join(Duration.ofSeconds(30)), "thread finished");
        }
        if (failure.get() != null) {
            throw new AssertionError("a thread failed", failure.get());
        }
        assertEquals(0, smu.session().reconnects());
    }

    @Test
    void theSocketHasNagleOff() throws IOException {
        TcpTransport t = new TcpTransport("127.0.0.1", bench.simulator.tcpPort(), Duration.ofSeconds(2));
        t.open();
        try {
            assertTrue(t.tcpNoDelay());
        } finally {
            t.close();
        }
    }
}
