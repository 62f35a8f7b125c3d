package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerBank;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver against the MacNet simulator over a real socket. */
@Timeout(60)
class MaccorSimulatorTest {

    @Test
    void readingsOverTheWireMatchTheInProcessTwin() throws Exception {
        try (MacNetRig rig = new MacNetRig(2, MacNetRig.relaxed());
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings())) {
            VirtualClock twinClock = new VirtualClock(MacNetRig.START);
            SimulatedCyclerChannel twin = new SimulatedCyclerChannel("twin", MacNetRig.formedCoin(0.5), twinClock);
            double oneC = twin.cell().parameters().oneCAmpere();
            MaccorChannel ch = bank.channel(2);
            ch.apply(new ChannelCommand.Current(oneC, 2.5, 3.7));
            twin.apply(new ChannelCommand.Current(oneC, 2.5, 3.7));
            for (int i = 0; i < 30; i++) {
                rig.clock.advance(60);
                twinClock.advance(60);
                assertSame(ch.read(), twin.read(), twin.maxCurrentAmpere(), "charge minute " + (i + 1));
            }
            ch.apply(new ChannelCommand.Current(-oneC, 2.5, 3.7));
            twin.apply(new ChannelCommand.Current(-oneC, 2.5, 3.7));
            for (int i = 0; i < 30; i++) {
                rig.clock.advance(60);
                twinClock.advance(60);
                ChannelReading wire = ch.read();
                assertTrue(wire.currentAmpere() < 0, "discharge reads negative: " + wire);
                assertSame(wire, twin.read(), twin.maxCurrentAmpere(), "discharge minute " + (i + 1));
            }
            assertEquals(List.of(), rig.sim.suspendedBecause(2).isEmpty() ? List.of() : List.of(rig.sim.suspendedBecause(2)));
        }
    }

    private static void assertSame(ChannelReading wire, ChannelReading local, double range, String when) {
        double volt = 7 * Math.sqrt(2) * 30e-6;
        double ampere = 7 * Math.sqrt(2) * 2e-5 * range;
        if (Math.abs(wire.voltageVolt() - local.voltageVolt()) > volt
                || Math.abs(wire.currentAmpere() - local.currentAmpere()) > ampere) {
            throw new AssertionError(when + ": over the wire " + wire + ", in process " + local);
        }
    }

    @Test
    void channelsDrivenFromSeveralThreadsAtOnceNeverSeeEachOthersAnswers() throws Exception {
        int n = 4;
        // time must pass for a current to flow: the wall clock, ten times faster
        try (MacNetRig rig = new MacNetRig(n, MacNetRig.relaxed(), new ScaledClock(MacNetRig.START, 10));
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings())) {
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 1; c <= n; c++) {
                MaccorChannel ch = bank.channel(c);
                double ampere = c * 1e-3; // a different current per channel: a crossed answer shows
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        double a = i % 2 == 0 ? ampere : -ampere;
                        ch.apply(new ChannelCommand.Current(a, 2.5, 4.2));
                        for (int k = 0; k < 3; k++) {
                            ChannelReading r = ch.read();
                            assertEquals(a, r.currentAmpere(), 5e-5, ch.name() + " step " + i);
                        }
                    }
                    ch.apply(new ChannelCommand.OpenCircuit());
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            pool.shutdown();
            for (int c = 1; c <= n; c++) {
                MacNetRig.assertResting(rig.sim.command(c));
                assertTrue(rig.sim.directMode(c));
            }
            assertEquals(1, rig.sim.connectionsAccepted(), "one connection carries all channels");
        }
    }

    @Test
    void safetyLimitsFollowTheCommandWindowAndTheCyclerEnforcesThem() throws Exception {
        try (MacNetRig rig = new MacNetRig(1, MacNetRig.relaxed());
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings())) {
            MaccorChannel ch = bank.channel(1);
            ch.apply(new ChannelCommand.Current(1e-3, 2.5, 3.7));
            assertArrayEquals(new double[] {3.75, 2.45, 0.06, 0.06, 0.27, 0.27}, rig.sim.safetyLimits(1), 1e-9);
            ch.apply(new ChannelCommand.Voltage(3.7, 1e-3));
            assertArrayEquals(new double[] {3.75, 2.45, 0.06, 0.06, 0.27, 0.27}, rig.sim.safetyLimits(1), 1e-9);
            // a window the cell is already outside of: the cycler stops the channel on its own
            ch.apply(new ChannelCommand.Current(-1e-3, 2.5, 3.0));
            InstrumentException e = assertThrows(InstrumentException.class, ch::read);
            assertTrue(e.getMessage().startsWith("maccor-1/1: 'ReadStatus (4,7)': the channel left direct mode: MacNet"
                    + " reports it Suspended (Stat 3)"), e.getMessage());
            assertTrue(rig.sim.suspendedBecause(1).startsWith("safety limit"), rig.sim.suspendedBecause(1));
            assertInstanceOf(ChannelCommand.OpenCircuit.class, rig.sim.command(1));
            // the next command starts a fresh direct-mode test after a reset
            ch.apply(new ChannelCommand.OpenCircuit());
            assertEquals(2, rig.sim.state(1));
        }
    }

    @Test
    void cvFollowsACcChargeInChargeModeAndCloseResetsTheChannel() throws Exception {
        try (MacNetRig rig = new MacNetRig(1, MacNetRig.relaxed())) {
            MaccorBank bank = MaccorBank.open("maccor-1", rig.settings());
            MaccorChannel ch = bank.channel(1);
            double oneC = MacNetRig.formedCoin(0.5).parameters().oneCAmpere();
            ch.apply(new ChannelCommand.Current(oneC, 2.5, 3.65));
            ChannelReading r = ch.read();
            for (int i = 0; i < 600 && r.voltageVolt() < 3.649; i++) {
                rig.clock.advance(10);
                r = ch.read();
            }
            assertEquals(3.65, r.voltageVolt(), 0.002);
            ch.apply(new ChannelCommand.Voltage(3.65, oneC));
            assertEquals(new ChannelCommand.Current(oneC, -1, 3.65), rig.sim.command(1));
            rig.clock.advance(3600);
            ChannelReading held = ch.read();
            assertEquals(3.65, held.voltageVolt(), 0.001);
            assertTrue(held.currentAmpere() > 0 && held.currentAmpere() < oneC / 5, "tapering: " + held);
            bank.close();
            assertEquals(0, rig.sim.state(1), "reset: Available");
            assertInstanceOf(ChannelCommand.OpenCircuit.class, rig.sim.command(1));
            assertThrows(InstrumentException.class, ch::read);
        }
    }

    @Test
    void auxTemperatureIsTheCellThermocouple() throws Exception {
        try (MacNetRig rig = new MacNetRig(2, MacNetRig.relaxed());
             MaccorBank bank = MaccorBank.open("maccor-1", rig.settings().withTemperatureAux(1))) {
            ChannelReading r = bank.channel(2).read();
            assertEquals(25, r.temperatureCelsius(), 0.5);
            assertEquals(1, bank.channel(2).auxValues().length);
            MaccorStatus s = bank.channel(2).status();
            assertEquals("Available", s.stateName());
            assertEquals(2, s.channel());
        }
    }

    @Test
    void theFactoryOpensTheSimulatorFromItsLabEntry() throws Exception {
        try (MacNetRig rig = new MacNetRig(3, MacNetSimulator.Options.defaults())) {
            InstrumentConfig config = new InstrumentConfig("maccor-1", "maccor-macnet", rig.sim.labEntry(), "lab.yaml:3:3");
            try (CyclerBank bank = (CyclerBank) Drivers.named("maccor-macnet").open(config)) {
                assertEquals(3, bank.channelCount());
                assertTrue(bank.identify().contains("3 test channels"), bank.identify());
                bank.channel(3).apply(new ChannelCommand.OpenCircuit());
                assertEquals(2, rig.sim.state(3));
            }
            assertEquals(0, rig.sim.state(3));
        }
    }
}
