package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.execution.KeithleyOverTcp.FaultedBench;
import io.cellbench.schedules.runner.RunnerStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private static final Protocol CHARGE = KeithleyOverTcp.protocol("a long charge", "Charge at C/5 for 10 hours");
    private static final String CELL = FaultedBench.CELL;

    @Test
    void aFaultedChannelsOutputEndsOffAndConfirmedOnceTheLinkComesBack() throws Exception {
        // the cable is pulled mid-charge
        try (FaultedBench bench = new FaultedBench(CHARGE, 600, FaultPolicy.unplugged())) {
            Keithley2450Simulator simulator = bench.simulator;
            ScheduleRunner runner = new ScheduleRunner(bench.schedule, bench.lab, bench.events)
                    .faultRetry(FaultRetry.within(20));
            Map<String, Outcome> outcomes = runner.run();
            assertEquals(Outcome.FAULT, outcomes.get(CELL));
            assertTrue(simulator.outputOn(), "unplugged, the instrument still charges: " + simulator.command());

            KeithleyOverTcp.waitFor(() -> runner.statuses().get(CELL).health().outputUnconfirmed(), "the status says so");
            RunnerStatus faulted = runner.statuses().get(CELL);
            assertEquals(RunnerStatus.State.ENDED, faulted.state());
            assertFalse(faulted.health().switchOffFailure().isEmpty(), faulted.toString());
            bench.waitForAlarmThatTheOutputIsNotConfirmedOff();

            simulator.faults().clear(); // the link comes back
            KeithleyOverTcp.waitFor(() -> !simulator.outputOn(), "the output is switched off");
            KeithleyOverTcp.waitFor(() -> !runner.statuses().get(CELL).health().outputUnconfirmed(), "and confirmed");
            bench.waitForTheConfirmationToBeRecorded();
            runner.close();

            List<String> afterTheFault = bench.firstLinesAfterTheFault();
            assertFalse(afterTheFault.isEmpty(), "the link came back: " + simulator.firstLinesOfConnections());
            assertTrue(afterTheFault.stream().allMatch(":OUTP OFF"::equals),
                    "the first command on every new link after the fault is output off: " + afterTheFault);
            bench.assertTheStateWasAskedForAfterSwitchingOff();
        }
    }
}
