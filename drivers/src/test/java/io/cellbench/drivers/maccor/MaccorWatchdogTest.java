package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import io.cellbench.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MacNet's direct-mode watchdog (MacNetDirectModeWD) and the driver's keep-alive. The tests wait
 * on what the simulator saw (outputs that fed its watchdog, a channel suspended), never a fixed time; a keep-alive
 * that holds is one whose channels stay Active through many watchdog periods.
 */
@Timeout(120) // a hang guard: every wait below ends on a condition
class MaccorWatchdogTest {

    /**
     * Thirty feed periods. The simulator's watchdog runs on wall time, as the cycler's does, so a
     * pause of the whole test JVM longer than the watchdog (a safepoint, or the scheduler starving
     * the process) suspends a channel however well the keep-alive works: after the pause the
     * keep-alive feeds channel 1 first and the watchdog thread can catch channel 2 before its turn.
     * With 1 s, two of three whole suites started together at load 6.5 saw exactly that (channel 2
     * suspended after 29 feeds, channel 1 fed on). 3 s is still 30 of the keep-alive's periods.
     */
    private static final MacNetSimulator.Options WATCHDOG_3_S =
            new MacNetSimulator.Options(Duration.ofSeconds(3), Duration.ofMillis(20));
    /** Two watchdog periods of feeding at the 100 ms pacing of these tests. */
    private static final int FEEDS = 60;

    @Test
    void theKeepAliveHoldsChannelsInDirectModeThroughALongStepOfReadsOnly() throws Exception {
        try (MacNetRig rig = new MacNetRig(2, WATCHDOG_3_S);
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings()
                     .withPacing(Duration.ofMillis(100), Duration.ofMillis(25)))) {
            bank.channel(1).apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            bank.channel(2).apply(new ChannelCommand.OpenCircuit());
            // reads only, until the keep-alive has re-sent both outputs for two watchdog periods
            Await.until(() -> "keep-alives: " + feeds(rig, 1) + " and " + feeds(rig, 2) + " of " + FEEDS
                    + "; channel 2 suspended because '" + rig.sim.suspendedBecause(2) + "', its last feed failed: "
                    + bank.channel(2).lastFeedFailure(), () -> {
                bank.channel(1).read();
                return feeds(rig, 1) >= FEEDS && feeds(rig, 2) >= FEEDS;
            });
            assertEquals(2, rig.sim.state(1), "still Active: " + rig.sim.suspendedBecause(1) + "; driver: "
                    + bank.channel(1).lastFeedFailure());
            assertEquals(2, rig.sim.state(2), "a resting channel is fed too: " + rig.sim.suspendedBecause(2)
                    + "; driver: " + bank.channel(2).lastFeedFailure());
            assertInstanceOf(ChannelCommand.Current.class, rig.sim.command(1));
        }
    }

    @Test
    void backToBackReadsFromSeveralThreadsDoNotStarveTheFeed() throws Exception {
        // a runner on a virtual clock reads without pause: the keep-alive must still get its turn
        try (MacNetRig rig = new MacNetRig(2, WATCHDOG_3_S);
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings()
                     .withPacing(Duration.ofMillis(100), Duration.ofMillis(25)))) {
            bank.channel(1).apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            bank.channel(2).apply(new ChannelCommand.Current(-1e-3, 2.5, 4.2));
            // reads without pause from two threads until both channels were fed for three watchdog periods
            AtomicBoolean fed = new AtomicBoolean();
            List<Thread> readers = List.of(1, 2).stream().map(ch -> Thread.ofPlatform().start(() -> {
                while (!fed.get()) {
                    bank.channel(ch).read();
                }
            })).toList();
            try {
                Await.until(() -> "keep-alives: " + feeds(rig, 1) + " and " + feeds(rig, 2) + " of " + FEEDS,
                        () -> feeds(rig, 1) >= FEEDS && feeds(rig, 2) >= FEEDS);
            } finally {
                fed.set(true);
            }
            for (Thread reader : readers) {
                reader.join();
            }
            assertEquals(2, rig.sim.state(1), "still Active: " + rig.sim.suspendedBecause(1) + "; driver: "
                    + bank.channel(1).lastFeedFailure());
            assertEquals(2, rig.sim.state(2), "still Active: " + rig.sim.suspendedBecause(2) + "; driver: "
                    + bank.channel(2).lastFeedFailure());
        }
    }

    @Test
    void whenFeedingStopsTheCyclerRestsTheChannelAndTheNextReadSaysSo() throws Exception {
        try (MacNetRig rig = new MacNetRig(1, WATCHDOG_3_S);
             // a feed period far beyond the cycler's watchdog: as if cellbench had died
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings())) {
            MaccorChannel ch = bank.channel(1);
            ch.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            assertEquals(2, rig.sim.state(1));
            Await.until("the cycler's watchdog suspends channel 1", () -> rig.sim.state(1) == 3);
            assertTrue(rig.sim.suspendedBecause(1).startsWith("MacNetDirectModeWD"), rig.sim.suspendedBecause(1));
            assertInstanceOf(ChannelCommand.OpenCircuit.class, rig.sim.command(1));
            InstrumentException e = assertThrows(InstrumentException.class, ch::read);
            assertTrue(e.getMessage().startsWith("maccor-1/1: 'ReadStatus (4,7)': the channel left direct mode:"
                    + " MacNet reports it Suspended (Stat 3); the cycler's watchdog or a safety limit stopped it"),
                    e.getMessage());
            assertTrue(!ch.inDirectMode());
        }
    }

    @Test
    void aDriverThatVanishesWithoutClosingLeavesItsChannelsSafe() throws Exception {
        try (MacNetRig rig = new MacNetRig(2, WATCHDOG_3_S)) {
            MaccorBank bank = MaccorBank.open("maccor-1", rig.settings()
                    .withPacing(Duration.ofMillis(100), Duration.ofMillis(25)));
            bank.channel(1).apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            bank.channel(2).apply(new ChannelCommand.Current(-1e-3, 2.5, 4.2));
            // fed for longer than the watchdog's period: the channels stay Active while the driver lives
            Await.until("fifteen keep-alives for each channel", () -> feeds(rig, 1) >= 15 && feeds(rig, 2) >= 15);
            assertEquals(2, rig.sim.state(1));
            bank.vanish();
            Await.until("the cycler's watchdog suspends both channels",
                    () -> rig.sim.state(1) == 3 && rig.sim.state(2) == 3);
            assertEquals(3, rig.sim.state(1));
            assertEquals(3, rig.sim.state(2));
            assertInstanceOf(ChannelCommand.OpenCircuit.class, rig.sim.command(2));
        }
    }

    @Test
    void aNewDriverWaitsForTheWatchdogToSuspendTheTestAVanishedOneLeftThenStartsAfresh() throws Exception {
        // what 'cellbench resume' meets right after a crash: the channel still Active, nobody feeding it
        try (MacNetRig rig = new MacNetRig(1, WATCHDOG_3_S)) {
            MaccorBank gone = MaccorBank.open("maccor-1", rig.settings()
                    .withPacing(Duration.ofMillis(100), Duration.ofMillis(25)));
            gone.channel(1).apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            gone.vanish();
            assertEquals(2, rig.sim.state(1), "still Active when the new driver comes");
            try (MaccorBank next = MaccorBank.open("maccor-1", rig.settings()
                    .withPacing(Duration.ofMillis(100), Duration.ofMillis(25)).withActiveWait(Duration.ofSeconds(5)))) {
                next.channel(1).apply(new ChannelCommand.Current(2e-3, 2.5, 4.2));
                assertEquals(2, rig.sim.state(1));
                assertTrue(next.channel(1).inDirectMode());
                assertEquals(2e-3, ((ChannelCommand.Current) rig.sim.command(1)).ampere(), 1e-9);
                assertTrue(rig.sim.received().stream().anyMatch(l -> l.contains("\"FNum\":5")), "reset before the new test");
            }
        }
    }

    @Test
    void aTestThatStaysActiveIsRefusedAfterActiveWaitNamingTheChannelAndCommand() throws Exception {
        // no watchdog on the cycler: the vanished driver's test stays Active, as an operator's test would
        try (MacNetRig rig = new MacNetRig(1, new MacNetSimulator.Options(Duration.ZERO, Duration.ofMillis(20)))) {
            MaccorBank gone = MaccorBank.open("maccor-1", rig.settings());
            gone.channel(1).apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            gone.vanish();
            try (MaccorBank next = MaccorBank.open("maccor-1", rig.settings().withActiveWait(Duration.ofMillis(600)))) {
                long t0 = System.nanoTime();
                InstrumentException e = assertThrows(InstrumentException.class,
                        () -> next.channel(1).apply(new ChannelCommand.Current(2e-3, 2.5, 4.2)));
                assertTrue(System.nanoTime() - t0 >= 500_000_000L, "waited active_wait first");
                assertTrue(e.getMessage().startsWith("maccor-1/1: 'StartDirectMode (6,7)': the channel is already"
                        + " running a test (Stat Active) and was not suspended within 600 ms"), e.getMessage());
                assertEquals(1e-3, ((ChannelCommand.Current) rig.sim.command(1)).ampere(), 1e-9, "the test is untouched");
            }
        }
    }

    /** The (6,8) outputs that fed the watchdog of channel {@code channel}. */
    private static long feeds(MacNetRig rig, int channel) {
        return rig.sim.outputsSet(channel);
    }
}
