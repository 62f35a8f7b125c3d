package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.ChannelCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault bound holds from the moment the channel stopped answering, counting the time the
 * runner spends waiting inside reads that time out (and in the switch-off that follows), on a
 * virtual clock: a read that fails after its timeout moves the clock by that timeout.
 */
class FaultBoundTest {
    /** A 2 s query timeout, tried three times, as the Keithley driver does by default. */
    private static final double FAILED_READ_SECOND = 6;
    private final Harness h = new Harness();
    private final FaultyChannel stalled = new FaultyChannel(h.cell);

    private Outcome run(double boundSecond) {
        stalled.beforeFailure = () -> h.clock.advance(FAILED_READ_SECOND);
        return h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 300)), stalled, h.clock,
                b -> b.faultPolicy(RetryingReads.forCell(FaultRetry.within(boundSecond), h.clock, h.events,
                        Harness.CELL.id())));
    }

    @Test
    void aPermanentStallFaultsWithinTheBoundCountedFromTheStartOfTheFirstFailedRead() {
        // Read 1 is before the start, read 2 the base after the command, read k the sample at k - 2 s:
        // read 20, due at 18 s, is the first that hangs; from then on every read and every command
        // waits 6 s and fails (the switch-off at the end too).
        stalled.failReadFrom = 20;
        stalled.failApply = c -> stalled.reads() >= 20;
        assertEquals(Outcome.FAULT, run(60));

        double stallBegan = 18.0;
        assertEquals(17.0, h.events.samples().getLast().testTimeSecond(), "the last sample before the stall");
        RunEvent.RunEnded end = h.events.ended();
        double faultedAfter = end.testTimeSecond() - stallBegan;
        System.out.printf("FaultBoundTest: faulted %.1f s after the stall began (bound 60 s, each failed read 6 s)%n",
                faultedAfter);
        assertTrue(faultedAfter <= 60, "faulted " + faultedAfter + " s after the stall began: the bound is 60 s");
        // and not much earlier: at most one more read and the switch-off before the bound are left unused
        assertTrue(faultedAfter >= 60 - 3 * FAILED_READ_SECOND - 10, "gave up too early: " + faultedAfter + " s");

        List<RunEvent.Notice> notices = h.events.of(RunEvent.Notice.class);
        assertEquals(RunEvent.Severity.WARNING, notices.getFirst().severity());
        assertEquals(stallBegan, notices.getFirst().testTimeSecond(), "the incident is dated when the failed read began");
        RunEvent.Notice alarm = notices.getLast();
        assertEquals(RunEvent.Severity.ALARM, alarm.severity());
        assertTrue(alarm.message().contains("; gave up after "), alarm.message());
        assertTrue(alarm.message().contains("; the channel could not be opened: "), alarm.message());
    }

    @Test
    void failuresThatTakeNoTimeStillUseTheWholeBound() {
        stalled.failReadFrom = 20;
        stalled.beforeFailure = () -> { };
        assertEquals(Outcome.FAULT, h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 300)), stalled,
                h.clock, b -> b.faultPolicy(RetryingReads.forCell(FaultRetry.within(60), h.clock, h.events,
                        Harness.CELL.id()))));
        assertEquals(18.0 + 60, h.events.ended().testTimeSecond());
        assertTrue(h.cell.command() instanceof ChannelCommand.OpenCircuit);
    }
}
