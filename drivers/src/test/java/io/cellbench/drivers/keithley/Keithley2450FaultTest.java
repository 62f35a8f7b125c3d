package io.cellbench.drivers.keithley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.scpi.ScpiErrorException;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.wire.FaultPolicy;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every fault policy of the simulator ends in a clear InstrumentException naming the
 * instrument and the command, or in a successful reconnect — never in a hang. The 10 s bound
 * is a hang guard, not a speed goal.
 */
class Keithley2450FaultTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String READ = Keithley2450Channel.READ_QUERY;

    private Bench bench;
    private Keithley2450Channel smu;

    @BeforeEach
    void open() throws IOException {
        bench = new Bench(0.5);
        int port = bench.simulator.startTcp();
        smu = Keithley2450Factory.open("smu1", Keithley2450Settings.tcp("127.0.0.1", port)
                .withTimeout(Duration.ofMillis(500), 2));
        smu.apply(new ChannelCommand.Current(4e-4, 1.9, 3.7));
    }

    @AfterEach
    void close() {
        bench.simulator.faults().clear();
        try {
            smu.close();
        } catch (InstrumentException e) {
            // the killed-simulator test leaves nothing to switch off
        }
        bench.close();
    }

    private static void guarded(Executable test) {
        assertTimeoutPreemptively(HANG_GUARD, test);
    }

    private static void assertNames(InstrumentException e, String command) {
        assertEquals("smu1", e.instrument());
        assertEquals(command, e.command());
        assertTrue(e.getMessage().startsWith("smu1: '" + command + "': "), e.getMessage());
    }

    private void assertRecovered() {
        bench.simulator.faults().clear();
        ChannelReading r = smu.read();
        assertTrue(r.voltageVolt() > 3 && r.voltageVolt() < 3.7, "readings resume: " + r);
    }

    @Test
    void anInstrumentThatNeverAnswersTimesOutNamingInstrumentAndCommand() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.noAnswer());
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, smu::read);
            assertNames(e, READ);
            assertTrue(e.getMessage().contains("no answer within 500 ms on tcp 127.0.0.1:"), e.getMessage());
            assertTrue(e.getMessage().contains("tried 3 times"), e.getMessage());
            assertRecovered();
        });
    }

    @Test
    void oneLostAnswerIsRiddenOutWithAReconnect() {
        guarded(() -> {
            int connections = bench.simulator.connectionsAccepted();
            bench.simulator.faults().set(FaultPolicy.noAnswer(), 1);
            ChannelReading r = smu.read();
            assertTrue(r.voltageVolt() > 3, r.toString());
            assertEquals(connections + 1, bench.simulator.connectionsAccepted(), "one new connection");
            assertEquals(1, smu.session().reconnects());
        });
    }

    @Test
    void aStallLongerThanTheTimeoutIsATimeoutAndAShortLivedOneIsRiddenOut() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.stall(Duration.ofSeconds(3)));
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, smu::read);
            assertNames(e, READ);
            bench.simulator.faults().set(FaultPolicy.stall(Duration.ofSeconds(3)), 1);
            assertTrue(smu.read().voltageVolt() > 3, "the late answer on the old link is never read");
            assertRecovered();
        });
    }

    @Test
    void aDroppedConnectionIsReconnectedAndOneThatKeepsDroppingIsReported() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.disconnect(), 1);
            assertTrue(smu.read().voltageVolt() > 3);
            bench.simulator.faults().set(FaultPolicy.disconnect());
            LinkDownException e = assertThrows(LinkDownException.class, smu::read);
            assertNames(e, READ);
            assertTrue(e.getMessage().contains("connection closed by the instrument"), e.getMessage());
            assertTrue(e.getMessage().contains("tried 3 times"), e.getMessage());
            assertRecovered();
        });
    }

    @Test
    void garbageIsReportedWithTheAnswerShownAndTheNextReadingIsClean() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.garbage(24), 1);
            InstrumentException e = assertThrows(InstrumentException.class, smu::read);
            assertNames(e, READ);
            assertTrue(e.getMessage().contains("the answer '") || e.getMessage().contains("in the answer, got '"),
                    e.getMessage());
            assertRecovered();
        });
    }

    @Test
    void aRefusedSetpointReportsTheDevicesErrorText() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.errorEntry(-300, "Device-specific error"), 1);
            ScpiErrorException e = assertThrows(ScpiErrorException.class,
                    () -> smu.apply(new ChannelCommand.Voltage(3.6, 1e-3)));
            assertEquals("smu1", e.instrument());
            assertTrue(e.command().startsWith(":SOUR:VOLT:ILIM 0.001; :SOUR:VOLT 3.6"), e.command());
            assertTrue(e.getMessage().contains("the instrument reports -300,\"Device-specific error\""), e.getMessage());
            smu.apply(new ChannelCommand.Voltage(3.6, 1e-3)); // the same absolute sequence again: fine
            assertRecovered();
        });
    }

    @Test
    void aSetpointTheInstrumentRefusesOnItsOwnIsReportedToo() {
        guarded(() -> {
            // the simulated range is 100 mA; the driver allows the 2450's 1.05 A
            ScpiErrorException e = assertThrows(ScpiErrorException.class,
                    () -> smu.apply(new ChannelCommand.Current(0.5, 1.9, 3.7)));
            assertTrue(e.getMessage().contains("-222,\"Parameter data out of range\""), e.getMessage());
        });
    }

    @Test
    void slowAnswersWithinTheTimeoutAreReadWhole() {
        guarded(() -> {
            bench.simulator.faults().set(FaultPolicy.slow(Duration.ofMillis(2)));
            ChannelReading r = smu.read();
            assertTrue(r.voltageVolt() > 3 && r.currentAmpere() > 0, r.toString());
            assertEquals(0, smu.session().reconnects());
        });
    }

    @Test
    void killingTheSimulatorMidStepFailsTheNextCallNamingInstrumentAndCommand() {
        guarded(() -> {
            bench.advance(60);
            smu.read();
            bench.simulator.close();
            LinkDownException e = assertThrows(LinkDownException.class, smu::read);
            assertNames(e, READ);
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
            InstrumentException off = assertThrows(InstrumentException.class, smu::close);
            assertTrue(off.getMessage().contains("could not confirm the output is off"), off.getMessage());
        });
    }
}
