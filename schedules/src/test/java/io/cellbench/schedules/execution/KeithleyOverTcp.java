package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.core.data.RunEvent;
import io.cellbench.drivers.keithley.Keithley2450Channel;
import io.cellbench.drivers.keithley.Keithley2450Factory;
import io.cellbench.drivers.keithley.Keithley2450Settings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.schedule.Schedule;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * A protocol of {@code steps} for the half-charged coin within 1.8..3.8 V and ±5 mA, logged
     * every 2 s (each minute kept): what the switch-off tests run.
     */
    static Protocol protocol(String name, String... steps) {
        StringBuilder yaml = new StringBuilder("""
                name: %s
                limits:
                  voltage: [1.8 V, 3.8 V]
                  current: [-5 mA, 5 mA]
                logging:
                  period: 60 s
                  sample_period: 2 s
                steps:
                """.formatted(name));
        for (String step : steps) {
            yaml.append("  - ").append(step).append('\n');
        }
        return ProtocolLoader.parse(yaml.toString(), "steps.yaml");
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

    /**
     * One cell running {@code protocol} on the simulator over TCP, whose instrument {@code fault}
     * strikes once the run has recorded a sample at {@code faultAtSecond} of test time or later;
     * what the simulator had received and how many links it had had by then are kept, so that
     * a test looks only at what came after the fault. Closing it stops the simulator.
     */
    static final class FaultedBench implements AutoCloseable {
        static final String CELL = "cell-00";
        final Schedule schedule;
        final SharedVirtualClock clock = new SharedVirtualClock(SimulatedLab.T0);
        final Keithley2450Simulator simulator;
        final CollectingListener events = new CollectingListener();
        final InstrumentProvider lab;
        private final AtomicInteger receivedBeforeTheFault = new AtomicInteger(-1);
        private final AtomicInteger linksBeforeTheFault = new AtomicInteger(-1);

        FaultedBench(Protocol protocol, double faultAtSecond, FaultPolicy fault) throws IOException {
            schedule = SimulatedLab.schedule(protocol, 1);
            simulator = simulator(halfChargedCoin(), clock);
            lab = lab(simulator.startTcp(), clock);
            events.spy = e -> {
                if (e instanceof RunEvent.SampleRecorded s && s.sample().testTimeSecond() >= faultAtSecond
                        && receivedBeforeTheFault.get() < 0) {
                    linksBeforeTheFault.set(simulator.firstLinesOfConnections().size());
                    receivedBeforeTheFault.set(simulator.received().size());
                    simulator.faults().set(fault);
                }
            };
        }

        /** The first line of each link the instrument accepted after the fault. */
        List<String> firstLinesAfterTheFault() {
            List<String> firstLines = simulator.firstLinesOfConnections();
            return firstLines.subList(linksBeforeTheFault.get(), firstLines.size());
        }

        void waitForAlarmThatTheOutputIsNotConfirmedOff() throws InterruptedException {
            waitFor(() -> events.of(CELL, RunEvent.Notice.class).stream().anyMatch(n -> n.severity()
                    == RunEvent.Severity.ALARM && n.message().contains("output not confirmed off")), "an ALARM");
        }

        void waitForTheConfirmationToBeRecorded() throws InterruptedException {
            waitFor(() -> events.of(CELL, RunEvent.Notice.class).stream().anyMatch(n ->
                    n.message().contains("output confirmed off")), "the confirmation is recorded");
        }

        /** After the fault, the output was switched off and then its state asked for. */
        void assertTheStateWasAskedForAfterSwitchingOff() {
            List<String> received = simulator.received();
            List<String> after = received.subList(receivedBeforeTheFault.get(), received.size());
            int asked = after.lastIndexOf(":OUTP?");
            assertTrue(asked > 0 && after.subList(0, asked).contains(":OUTP OFF"),
                    "the state is asked for after switching off: " + after.subList(Math.max(0, after.size() - 12),
                            after.size()));
        }

        @Override
        public void close() {
            simulator.close();
        }
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 60 s: " + what);
            Thread.sleep(20);
        }
    }
}
