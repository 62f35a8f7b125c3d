package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.keithley.Keithley2450Channel;
import io.cellbench.drivers.keithley.Keithley2450Factory;
import io.cellbench.drivers.keithley.Keithley2450Settings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One half-charged coin cell behind a Keithley 2450 simulator over TCP, driven by the real
 * driver with a short timeout (one retry): the bench of the switch-off-after-a-fault tests.
 */
final class KeithleyOverTcp {
    private KeithleyOverTcp() {
    }

    static SimulatedCell halfChargedCoin() {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin().withVariation(1));
        cell.completeFormation();
        cell.restAt(0.5);
        return cell;
    }

    static Keithley2450Simulator simulator(SimulatedCell cell, SharedVirtualClock clock) {
        return new Keithley2450Simulator("00000001", cell, clock,
                Keithley2450Simulator.rangeFor(10 * cell.parameters().oneCAmpere()));
    }

    /** Opens the real driver on the simulator listening at {@code port}, for every cell. */
    static InstrumentProvider lab(int port, SharedVirtualClock clock) {
        return c -> {
            Keithley2450Channel channel = Keithley2450Factory.open("keithley-1",
                    Keithley2450Settings.tcp("127.0.0.1", port).withTimeout(Duration.ofMillis(300), 1));
            return new CellInstruments(clock, channel, null, 0, null, null, channel::close);
        };
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 60 s: " + what);
            Thread.sleep(20);
        }
    }
}
