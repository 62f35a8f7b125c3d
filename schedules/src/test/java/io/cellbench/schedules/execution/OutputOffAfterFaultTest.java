package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SAFETY: a cell that faults because its instrument's link went away mid-charge must not leave
 * the instrument sourcing. A Keithley 2450 simulator over TCP (the real driver, the real wire
 * protocol) is unplugged mid-charge: the link drops and no command reaches it, so it keeps
 * charging. The cell faults; while the link is down the output cannot be confirmed off, which
 * the status shows and an ALARM says. When the link comes back the output is switched off
 * (the first command on every new link is {@code :OUTP OFF}) and confirmed with {@code :OUTP?}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutputOffAfterFaultTest {
    private static final Protocol CHARGE = ProtocolLoader.parse("""
            name: a long charge
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              sample_period: 2 s
            steps:
              - Charge at C/5 for 10 hours
            """, "charge.yaml");
    private static final String CELL = "cell-00";

    @Test
    void aFaultedChannelsOutputEndsOffAndConfirmedOnceTheLinkComesBack() throws Exception {
        Schedule schedule = SimulatedLab.schedule(CHARGE, 1);
        SharedVirtualClock clock = new SharedVirtualClock(SimulatedLab.T0);
        SimulatedCell cell = KeithleyOverTcp.halfChargedCoin();
        CollectingListener events = new CollectingListener();
        AtomicInteger firstLinesBeforeTheFault = new AtomicInteger(-1);
        try (Keithley2450Simulator simulator = KeithleyOverTcp.simulator(cell, clock)) {
            int port = simulator.startTcp();
            events.spy = e -> {
                if (e instanceof RunEvent.SampleRecorded s && s.sample().testTimeSecond() >= 600
                        && firstLinesBeforeTheFault.get() < 0) {
                    firstLinesBeforeTheFault.set(simulator.firstLinesOfConnections().size());
                    simulator.faults().set(FaultPolicy.unplugged()); // the cable is pulled mid-charge
                }
            };
            InstrumentProvider lab = KeithleyOverTcp.lab(port, clock);
            ScheduleRunner runner = new ScheduleRunner(schedule, lab, events).faultRetry(FaultRetry.within(20));
            Map<String, Outcome> outcomes = runner.run();
            assertEquals(Outcome.FAULT, outcomes.get(CELL));
            assertTrue(simulator.outputOn(), "unplugged, the instrument still charges: " + simulator.command());

            KeithleyOverTcp.waitFor(() -> runner.statuses().get(CELL).health().outputUnconfirmed(), "the status says so");
            RunnerStatus faulted = runner.statuses().get(CELL);
            assertEquals(RunnerStatus.State.ENDED, faulted.state());
            assertFalse(faulted.health().switchOffFailure().isEmpty(), faulted.toString());
            KeithleyOverTcp.waitFor(() -> events.of(CELL, RunEvent.Notice.class).stream().anyMatch(n -> n.severity()
                    == RunEvent.Severity.ALARM && n.message().contains("output not confirmed off")), "an ALARM");

            simulator.faults().clear(); // the link comes back
            KeithleyOverTcp.waitFor(() -> !simulator.outputOn(), "the output is switched off");
            KeithleyOverTcp.waitFor(() -> !runner.statuses().get(CELL).health().outputUnconfirmed(), "and confirmed");
            KeithleyOverTcp.waitFor(() -> events.of(CELL, RunEvent.Notice.class).stream().anyMatch(n ->
                    n.message().contains("output confirmed off")), "the confirmation is recorded");
            runner.close();

            List<String> firstLines = simulator.firstLinesOfConnections();
            List<String> afterTheFault = firstLines.subList(firstLinesBeforeTheFault.get(), firstLines.size());
            assertFalse(afterTheFault.isEmpty(), "the link came back: " + firstLines);
            assertTrue(afterTheFault.stream().allMatch(":OUTP OFF"::equals),
                    "the first command on every new link after the fault is output off: " + afterTheFault);
            List<String> received = simulator.received();
            int asked = received.lastIndexOf(":OUTP?");
            assertTrue(asked > 0 && received.subList(0, asked).contains(":OUTP OFF"),
                    "the state is asked for after switching off: " + received.subList(Math.max(0, received.size() - 12),
                            received.size()));
        }
    }
}
