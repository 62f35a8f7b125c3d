package io.cellbench.schedules.execution;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.keithley.Keithley2450Channel;
import io.cellbench.drivers.keithley.Keithley2450Factory;
import io.cellbench.drivers.keithley.Keithley2450Settings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Formed coin cells for schedule tests, each on a virtual clock of its own starting at
 * {@link #T0}: most on an in-process simulated channel (deterministic: the same seed gives
 * the same data), those named in {@code wired} behind a Keithley 2450 simulator that the
 * real driver reaches over TCP on 127.0.0.1. {@code wrap} may put a fault injector around an
 * in-process channel.
 */
final class SimulatedLab implements InstrumentProvider, AutoCloseable {
    static final double T0 = 1.7e9;

    private final Set<String> wired;
    private final Map<String, UnaryOperator<CyclerChannel>> wrap;
    private final Duration wireTimeout;
    private final Map<String, Keithley2450Simulator> simulators = new ConcurrentHashMap<>();
    private final Set<String> absent = ConcurrentHashMap.newKeySet();

    SimulatedLab(Set<String> wired, Map<String, UnaryOperator<CyclerChannel>> wrap, Duration wireTimeout) {
        this.wired = Set.copyOf(wired);
        this.wrap = Map.copyOf(wrap);
        this.wireTimeout = wireTimeout;
    }

    /** {@code count} cells "cell-00" … running {@code protocol}, seeds 1 … count. */
    static Schedule schedule(Protocol protocol, int count) {
        return schedule(protocol, 0, count);
    }

    /** Cells "cell-&lt;from&gt;" … "cell-&lt;to − 1&gt;", as in {@link #schedule(Protocol, int)}. */
    static Schedule schedule(Protocol protocol, int from, int to) {
        List<ScheduledCell> cells = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = String.format("cell-%02d", i);
            CellInfo info = CellParameters.coin().withVariation(i + 1).toCellInfo(id);
            cells.add(new ScheduledCell(new SourceLocation("soak.yaml", i + 1, 1), info, protocol,
                    new ScheduledCell.Simulation("coin", i + 1, 70e6)));
        }
        return new Schedule("test", "soak.yaml", cells);
    }

    /** The cell's channel does not answer at all: opening its instruments fails. */
    SimulatedLab absent(String cellId) {
        absent.add(cellId);
        return this;
    }

    @Override
    public CellInstruments open(ScheduledCell cell) {
        String id = cell.info().id();
        long seed = cell.simulation().seed();
        if (absent.contains(id)) {
            throw new InstrumentException("keithley-" + id, "*IDN?", "tcp 127.0.0.1:5025: Connection refused");
        }
        if (wired.contains(id)) {
            SharedVirtualClock clock = new SharedVirtualClock(T0);
            SimulatedCell simulated = new SimulatedCell(CellParameters.coin().withVariation(seed));
            simulated.completeFormation();
            simulated.restAt(0.5);
            Keithley2450Simulator simulator = new Keithley2450Simulator(String.format("%08d", seed), simulated, clock,
                    Keithley2450Simulator.rangeFor(10 * simulated.parameters().oneCAmpere()));
            int port;
            try {
                port = simulator.startTcp();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            simulators.put(id, simulator);
            Keithley2450Channel channel = Keithley2450Factory.open("keithley-" + id,
                    Keithley2450Settings.tcp("127.0.0.1", port).withTimeout(wireTimeout, 1));
            return new CellInstruments(clock, channel, null, 0, null, null, () -> {
                try {
                    channel.close();
                } catch (InstrumentException vanished) {
                    // the simulator was switched off by the test: nothing left to make safe
                } finally {
                    simulator.close();
                }
            });
        }
        VirtualClock clock = new VirtualClock(T0);
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), seed, 70e6, clock);
        bench.cell().completeFormation();
        bench.cell().restAt(0.5);
        CyclerChannel channel = wrap.getOrDefault(id, c -> c).apply(bench.channel());
        return new CellInstruments(clock, channel, null, 0, null, null, bench);
    }

    /** The simulator behind a wired cell, once the cell has opened it. */
    Keithley2450Simulator simulator(String cellId) {
        return simulators.get(cellId);
    }

    @Override
    public void close() {
        simulators.values().forEach(Keithley2450Simulator::close);
    }
}
