package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.execution.KeithleyOverTcp.FaultedBench;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunJournal;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAFETY: a FAULT while the cell rests. The Keithley 2450's zero-current rest keeps its output
 * on (at 0 A), so a rest is no proof that the output is off: after a fault the instrument must
 * confirm the switch-off whatever the last command was. A Keithley 2450 simulator over TCP
 * stalls in the rest (it executes every line but answers none, as the hostile-night soak's
 * stalled instrument): the cell faults, the {@code :OUTP?} that would confirm goes unanswered,
 * so the status shows the output in doubt, an ALARM says so, and the switch-off is retried
 * until the instrument answers that its output is off.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutputOffAfterFaultInRestTest {
    private static final Protocol CHARGE_THEN_REST = KeithleyOverTcp.protocol("a charge, then a long rest",
            "Charge at C/5 for 10 minutes", "Rest for 10 hours");
    private static final String CELL = FaultedBench.CELL;

    @TempDir
    Path run;

    @Test
    void aFaultInARestIsConfirmedOffByTheInstrumentNotAssumedOff() throws Exception {
        // stalls in the rest, for good
        try (FaultedBench bench = new FaultedBench(CHARGE_THEN_REST, 1800, FaultPolicy.noAnswer())) {
            // The journal says whether the output was confirmed off, for a resume after a kill.
            ScheduleRunner runner = new ScheduleRunner(bench.schedule, bench.lab, bench.events,
                    new RunJournal(run, id -> { }, InstrumentState.NONE, 1024, Map.of()))
                    .faultRetry(FaultRetry.within(20));
            Map<String, Outcome> outcomes = runner.run();
            assertEquals(Outcome.FAULT, outcomes.get(CELL));

            RunnerStatus faulted = runner.statuses().get(CELL);
            assertTrue(faulted.health().outputUnconfirmed(), "a rest is no confirmation: the status must not say"
                    + " the output is confirmed off while the instrument has not answered: " + faulted);
            assertFalse(faulted.health().switchOffFailure().isEmpty(), faulted.toString());
            bench.waitForAlarmThatTheOutputIsNotConfirmedOff();
            JournalEntry inDoubt = JournalFiles.readEntry(run, CELL).orElseThrow();
            assertTrue(inDoubt.outputInDoubt(), "the journal says the output may still be on: " + inDoubt);

            bench.simulator.faults().clear(); // the instrument answers again
            KeithleyOverTcp.waitFor(() -> !runner.statuses().get(CELL).health().outputUnconfirmed(), "the output is confirmed off");
            assertFalse(bench.simulator.outputOn(), "the instrument's output is off: " + bench.simulator.command());
            bench.waitForTheConfirmationToBeRecorded();
            runner.close();
            JournalEntry confirmed = JournalFiles.readEntry(run, CELL).orElseThrow();
            assertEquals(Boolean.TRUE, confirmed.outputOffConfirmed(), "and journaled: " + confirmed);
            assertEquals(Outcome.FAULT, confirmed.outcome());
            bench.assertTheStateWasAskedForAfterSwitchingOff();
        }
    }
}
