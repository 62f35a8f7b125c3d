package io.cellbench.drivers.testing;

import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;

/**
 * A Keithley 2450 simulator on a formed coin cell, and an in-process twin: the same cell on a
 * {@link SimulatedCyclerChannel} with the same range, in a clock that moves with the
 * simulator's. What the driver reads over the wire must match what the twin reads in process.
 */
public final class Bench implements AutoCloseable {
    public static final double START = 1.7e9;

    public final SharedVirtualClock clock = new SharedVirtualClock(START);
    public final VirtualClock twinClock = new VirtualClock(START);
    public final Keithley2450Simulator simulator;
    public final SimulatedCyclerChannel twin;

    public Bench(double soc) {
        simulator = new Keithley2450Simulator(formedCoin(soc), clock);
        SimulatedCell twinCell = formedCoin(soc);
        twin = new SimulatedCyclerChannel("twin", twinCell, twinClock,
                Keithley2450Simulator.rangeFor(10 * twinCell.parameters().oneCAmpere()));
    }

    public static SimulatedCell formedCoin(double soc) {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.completeFormation();
        cell.restAt(soc);
        return cell;
    }

    /** Lets {@code seconds} pass for both cells. */
    public void advance(double seconds) {
        clock.advance(seconds);
        twinClock.advance(seconds);
    }

    /** The current range both channels use, A. */
    public double range() {
        return twin.maxCurrentAmpere();
    }

    /** Fails unless two readings agree within the channels' noise (7 σ of the difference). */
    public void assertSame(ChannelReading wire, ChannelReading local, String when) {
        double voltTolerance = 7 * Math.sqrt(2) * 30e-6;
        double ampereTolerance = 7 * Math.sqrt(2) * 2e-5 * range();
        if (Math.abs(wire.voltageVolt() - local.voltageVolt()) > voltTolerance
                || Math.abs(wire.currentAmpere() - local.currentAmpere()) > ampereTolerance) {
            throw new AssertionError(when + ": over the wire " + wire + ", in process " + local);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
