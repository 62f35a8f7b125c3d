package io.cellbench.schedules.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.instrument.CyclerBank;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.Instrument;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.doubles.ForwardingEisAnalyzer;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.fixtures.sim.SimulatedEisAnalyzer;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the lab shares: a multi-channel cycler opened once with its channels handed out, and
 * an impedance analyzer whose sweeps the cells take in turn — on in-process simulated
 * instruments (no bank driver or analyzer driver is needed to test the lab's part).
 */
@Timeout(60)
class LabSharingTest {
    private final SystemLabClock clock = new SystemLabClock();
    private final AtomicInteger bankOpens = new AtomicInteger();
    private final AtomicInteger bankCloses = new AtomicInteger();
    private final List<SimulatedCell> cells = List.of(cell(1), cell(2), cell(3), cell(4));
    /** 1 MHz → 1 Hz at 5 points per decade: ≈ 40 s of lab time, 0.2 s at 200× */
    private final SimulatedEisAnalyzer analyzer = new SimulatedEisAnalyzer("eis", Map.of(
            1, new SimulatedEisAnalyzer.MuxChannel(cells.get(0), clock),
            2, new SimulatedEisAnalyzer.MuxChannel(cells.get(1), clock)), 200);
    private final EisRequest sweep = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 1e6, 1, 5, 0.01);
    /** Set by a test to hold c1's sweep (multiplexer channel 1) until it lets it finish. */
    private volatile CountDownLatch c1MayFinish;
    private final CountDownLatch c1Sweeping = new CountDownLatch(1);
    /**
     * The analyzer as the lab opens it: c1's sweep can be held, so who measures while who waits
     * is the test's choice rather than a race of sleeps against a 0.2 s sweep.
     */
    private final EisAnalyzer heldAnalyzer = new ForwardingEisAnalyzer(analyzer) {
        @Override
        public List<ImpedancePoint> measure(int muxChannel, EisRequest request) {
            CountDownLatch hold = c1MayFinish;
            if (muxChannel == 1 && hold != null) {
                c1Sweeping.countDown();
                try {
                    if (!hold.await(20, TimeUnit.SECONDS)) {
                        throw new InstrumentException("eis", "measure", "the test never let c1's sweep finish");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InstrumentException("eis", "measure", "interrupted");
                }
            }
            return super.measure(muxChannel, request);
        }
    };

    private static SimulatedCell cell(long seed) {
        return new SimulatedCell(CellParameters.coin().withVariation(seed));
    }

    private final class Bank implements CyclerBank {
        private final List<SimulatedCyclerChannel> channels = new ArrayList<>();

        Bank() {
            for (int i = 0; i < cells.size(); i++) {
                channels.add(new SimulatedCyclerChannel("bank ch" + (i + 1), cells.get(i), clock));
            }
        }

        @Override
        public int channelCount() {
            return channels.size();
        }

        @Override
        public CyclerChannel channel(int number) {
            return channels.get(number - 1);
        }

        @Override
        public String name() {
            return "bank";
        }

        @Override
        public String identify() {
            return "simulated bank";
        }

        @Override
        public void close() {
            bankCloses.incrementAndGet();
            channels.forEach(SimulatedCyclerChannel::close);
        }
    }

    private static DriverFactory factory(String name, DriverFactory.Capability capability, Supplier<Instrument> open) {
        return new DriverFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(capability);
            }

            @Override
            public Instrument open(InstrumentConfig config) {
                return open.get();
            }
        };
    }

    private Lab lab(List<String> warnings) {
        Map<String, LabInstrument> instruments = new LinkedHashMap<>();
        instruments.put("bank", new LabInstrument("bank", factory("sim-bank", DriverFactory.Capability.CYCLER_CHANNEL,
                () -> {
                    bankOpens.incrementAndGet();
                    return new Bank();
                }), new InstrumentConfig("bank", "sim-bank", Map.of(), "lab.yaml:2:3"), null));
        instruments.put("eis", new LabInstrument("eis", factory("sim-eis", DriverFactory.Capability.EIS_ANALYZER,
                () -> heldAnalyzer), new InstrumentConfig("eis", "sim-eis", Map.of(), "lab.yaml:3:3"), null));
        LabFile file = new LabFile("shared", "lab.yaml", instruments,
                Map.of("b-2", new ChannelRef("bank", 2, null)));
        return new Lab(file, clock, warnings::add);
    }

    private static ScheduledCell cell(String id, String channel, Integer mux) {
        return new ScheduledCell(new SourceLocation("schedule.yaml", 1, 1),
                new CellInfo(id, "coin", "", 2e-3, Double.NaN, Double.NaN, ""),
                ProtocolLoader.parse("name: r\nsteps:\n  - Rest for 1 s\n", "r.yaml"), null,
                new Wiring(new Wiring.Named(channel, null), null, mux == null ? null : new Wiring.Named("eis", null), mux,
                        null, null, Wiring.StartCondition.NOW));
    }

    @Test
    void aBankIsOpenedOnceAndItsChannelsGoToTheirCells() {
        List<String> warnings = new ArrayList<>();
        try (Lab lab = lab(warnings)) {
            CellInstruments one = lab.open(cell("c1", "bank/1", null));
            CellInstruments two = lab.open(cell("c2", "b-2", null));
            assertEquals(1, bankOpens.get());
            assertNotSame(one.channel(), two.channel());
            assertSame(((CyclerBank) lab.instrument("bank")).channel(2), two.channel());
            InstrumentException whole = assertThrows(InstrumentException.class, () -> lab.open(cell("c3", "bank", null)));
            assertEquals("bank: is a cycler with 4 channels: name one of them, e.g. 'bank/1'", whole.getMessage());
            InstrumentException none = assertThrows(InstrumentException.class, () -> lab.open(cell("c3", "bank/5", null)));
            assertEquals("bank: has no channel 5 (it has 4)", none.getMessage());
            InstrumentException busy = assertThrows(InstrumentException.class, () -> lab.open(cell("c3", "bank/2", null)));
            assertEquals("bank/2: cell c3: the channel is in use by cell c2", busy.getMessage());
            two.close();
            lab.open(cell("c3", "bank/2", null)).close();
            one.close();
            assertEquals(0, bankCloses.get(), "cells release channels, not the bank");
        }
        assertEquals(1, bankCloses.get(), "the lab closes the bank once");
        assertEquals(List.of(), warnings);
    }

    @Test
    void cellsTakeTurnsOnTheAnalyzerAndAnAbortStopsOnlyTheCellsOwnWait() throws Exception {
        try (Lab lab = lab(new ArrayList<>())) {
            CellInstruments one = lab.open(cell("c1", "bank/1", 1));
            CellInstruments two = lab.open(cell("c2", "bank/2", 2));
            assertEquals(1, one.muxChannel());
            AtomicReference<List<ImpedancePoint>> first = new AtomicReference<>();
            AtomicReference<Throwable> second = new AtomicReference<>();
            c1MayFinish = new CountDownLatch(1);
            Thread a = Thread.ofPlatform().start(() -> {
                first.set(one.eisAnalyzer().measure(1, sweep));
            });
            assertTrue(c1Sweeping.await(20, TimeUnit.SECONDS), "c1's sweep began");
            Thread b = Thread.ofPlatform().start(() -> {
                try {
                    two.eisAnalyzer().measure(2, sweep);
                } catch (Throwable t) {
                    second.set(t);
                }
            });
            // c2 waits for its turn (parked in a timed wait for the analyzer) while c1 sweeps
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (b.getState() != Thread.State.TIMED_WAITING) {
                assertTrue(b.isAlive() && System.nanoTime() < deadline, "c2 never waited: " + second.get());
                Thread.sleep(5);
            }
            two.eisAnalyzer().abort(); // c2 gives up waiting; c1's sweep goes on
            b.join(20_000);
            assertTrue(!b.isAlive(), "c2 still waits after its abort");
            c1MayFinish.countDown();
            a.join(20_000);
            assertTrue(!a.isAlive(), "c1's sweep did not end");
            assertTrue(second.get() instanceof InstrumentException, String.valueOf(second.get()));
            assertEquals("eis: 'measure': cell c2: aborted while waiting for the analyzer (another cell was measuring)",
                    second.get().getMessage());
            assertEquals(sweep.frequencies().length, first.get().size(), "c1's sweep was not aborted");

            // and the analyzer serves the next cell as usual
            assertEquals(sweep.frequencies().length, two.eisAnalyzer().measure(2, sweep).size());
        }
    }
}
