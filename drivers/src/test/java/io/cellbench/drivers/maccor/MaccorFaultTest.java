package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.fixtures.wire.FaultPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each fault of the simulator gives a clear error or a reconnect, never a hang. */
@Timeout(60)
class MaccorFaultTest {

    private MacNetRig rig;
    private MaccorBank bank;
    private MaccorChannel ch;

    @BeforeEach
    void open() throws Exception {
        rig = new MacNetRig(2, MacNetRig.relaxed());
        bank = MaccorBank.open("maccor-1", rig.settings().withTimeout(Duration.ofMillis(1000), 1));
        ch = bank.channel(2);
        ch.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
        rig.clock.advance(1); // a current flows once time passes
    }

    @AfterEach
    void close() {
        rig.sim.faults().clear();
        try {
            bank.close();
        } catch (InstrumentException ignored) {
            // some tests leave the simulator off
        }
        rig.close();
    }

    private String endpoint() {
        return "tcp 127.0.0.1:" + rig.port;
    }

    @Test
    void aLostAnswerToAReadIsAskedAgainOnAFreshLink() {
        rig.sim.faults().set(FaultPolicy.noAnswer(), 1);
        assertEquals(1e-3, ch.read().currentAmpere(), 5e-5);
        assertEquals(1, bank.reconnects());
        assertEquals(2, rig.sim.connectionsAccepted());
    }

    @Test
    void aCyclerThatStopsAnsweringFailsTheReadWithinTheTimeouts() {
        rig.sim.faults().set(FaultPolicy.noAnswer());
        InstrumentException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(TransportTimeoutException.class, ch::read));
        assertEquals("maccor-1/2: 'ReadStatus (4,7)': no answer within 1000 ms on " + endpoint(), e.getMessage());
        rig.sim.faults().clear();
        assertEquals(1e-3, ch.read().currentAmpere(), 5e-5);
    }

    @Test
    void aLostAnswerToACommandIsNotRepeatedButReported() {
        rig.sim.faults().set(FaultPolicy.noAnswer(), 1);
        InstrumentException e = assertThrows(TransportTimeoutException.class,
                () -> ch.apply(new ChannelCommand.Current(2e-3, 2.5, 4.2)));
        assertEquals("maccor-1/2: 'SetDirectOutput (6,8)': no answer within 1000 ms on " + endpoint(), e.getMessage());
        // the simulator executed it (a fault loses the answer, not the command); the driver goes on
        assertEquals(new ChannelCommand.Current(2e-3, -1, 4.2), rig.sim.command(2));
        ch.apply(new ChannelCommand.OpenCircuit());
        MacNetRig.assertResting(rig.sim.command(2));
    }

    @Test
    void aStalledAnswerTimesOutAndTheLateAnswerIsNeverTakenForTheNextOne() {
        rig.sim.faults().set(FaultPolicy.stall(Duration.ofMillis(2500)), 2);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(TransportTimeoutException.class, ch::read));
        assertEquals(1e-3, ch.read().currentAmpere(), 5e-5);
        assertTrue(bank.reconnects() >= 2);
    }

    @Test
    void aDroppedLinkIsReconnected() {
        rig.sim.faults().set(FaultPolicy.disconnect(), 1);
        assertEquals(1e-3, ch.read().currentAmpere(), 5e-5);
        // at least one reconnect; on a loaded machine the keep-alive may time out once more
        // and reconnect again, which is also right
        assertTrue(rig.sim.connectionsAccepted() >= 2, "connections: " + rig.sim.connectionsAccepted());
    }

    @Test
    void garbageIsAClearErrorAndTheNextRequestWorks() {
        rig.sim.faults().set(FaultPolicy.garbage(40), 1);
        InstrumentException e = assertThrows(InstrumentException.class, ch::read);
        assertTrue(e.getMessage().startsWith("maccor-1/2: 'ReadStatus (4,7)': answer is not a JSON object: '"),
                e.getMessage());
        assertEquals(1e-3, ch.read().currentAmpere(), 5e-5);
    }

    @Test
    void anErrorAnswerNamesTheCodeAndTheCommandIsNotExecuted() {
        rig.sim.faults().set(FaultPolicy.errorEntry(-32000, "Channel is locked by another client"));
        MacNetErrorException e = assertThrows(MacNetErrorException.class,
                () -> ch.apply(new ChannelCommand.Current(-1e-3, 2.5, 4.2)));
        assertEquals("maccor-1/2: 'SetDirectOutput (6,8)': MacNet error -32000: Channel is locked by another client",
                e.getMessage());
        assertEquals(new ChannelCommand.Current(1e-3, -1, 4.2), rig.sim.command(2));
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsRead_andOneBeyondItIsReportedAsIncomplete() {
        rig.sim.faults().set(FaultPolicy.slow(Duration.ofNanos(200_000)), 1); // ~330 bytes in ~70 ms
        assertEquals(1e-3, ch.read().currentAmpere(), 5e-5);
        rig.sim.faults().set(FaultPolicy.slow(Duration.ofMillis(10))); // ~3.3 s for the answer
        InstrumentException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(TransportTimeoutException.class, ch::read));
        assertTrue(e.getMessage().startsWith("maccor-1/2: 'ReadStatus (4,7)': answer incomplete (no complete JSON"
                + " value) after 1000 ms on " + endpoint() + "; got '{\\r\\n  \"jsonrpc\""), e.getMessage());
    }

    @Test
    void theCyclerSwitchedOffMidStepFailsEveryCallNamingTheChannelAndTheCommand() {
        bank.channel(1).apply(new ChannelCommand.OpenCircuit());
        rig.sim.close();
        InstrumentException read = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(LinkDownException.class, ch::read));
        assertTrue(read.getMessage().startsWith("maccor-1/2: 'ReadStatus (4,7)': "), read.getMessage());
        assertTrue(read.getMessage().contains("127.0.0.1:" + rig.port), read.getMessage());
        InstrumentException apply = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(LinkDownException.class, () -> ch.apply(new ChannelCommand.OpenCircuit())));
        assertTrue(apply.getMessage().startsWith("maccor-1/2: 'SetDirectOutput (6,8)': reconnect to " + endpoint()
                + " failed: "), apply.getMessage());
        InstrumentException close = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(InstrumentException.class, bank::close));
        assertTrue(close.getMessage().startsWith("maccor-1: 'close': could not confirm every channel is at rest"),
                close.getMessage());
        // channel 1 found the link down first; channel 2 was not tried again
        assertTrue(close.getMessage().endsWith("channel(s) 2 not tried (the link is down)"), close.getMessage());
    }
}
