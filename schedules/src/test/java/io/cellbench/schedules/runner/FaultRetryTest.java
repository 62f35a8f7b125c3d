package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bounded retry rides out a passing fault with a gap only where it was, and gives up a lasting one. */
class FaultRetryTest {
    private final Harness h = new Harness();
    private final FaultyChannel faulty = new FaultyChannel(h.cell);

    private Outcome run(FaultRetry retry) {
        return h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)), faulty, h.clock,
                b -> b.faultPolicy(RetryingReads.forCell(retry, h.clock, h.events, Harness.CELL.id())));
    }

    @Test
    void aChannelThatFailsForAWhileAndRecoversContinuesWithAGapOnlyAtTheIncident() {
        // Read 1 is before the start, read 2 the base after the command, read k the sample at k - 2 s.
        faulty.failReadFrom = 20;
        faulty.failReadTo = 24;
        assertEquals(Outcome.COMPLETED, run(FaultRetry.DEFAULT));

        List<Double> times = h.events.samples().stream().map(Sample::testTimeSecond).toList();
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            double d = times.get(i) - times.get(i - 1);
            if (d != 1.0) {
                gaps.add(d);
            }
            assertTrue(d > 0, "sample times must increase: " + times);
        }
        assertEquals(1.0, times.getFirst());
        assertEquals(100.0, times.getLast());
        // five failures wait about 0.5 + 1 + 2 + 4 + 8 s, each shortened by up to half: one gap
        // (into the incident) and the return to the one-second grid after it
        assertEquals(2, gaps.size(), "gaps " + gaps);
        double incident = gaps.get(0) + gaps.get(1);
        assertTrue(incident > 1 + 7.75 && incident < 2 + 15.5, "incident lasted " + incident + " s");

        List<RunEvent.Notice> notices = h.events.of(RunEvent.Notice.class);
        assertEquals(2, notices.size(), notices.toString());
        assertEquals(RunEvent.Severity.WARNING, notices.get(0).severity());
        assertEquals("faulty-channel: 'MEAS:VOLT?;CURR?': no answer within 500 ms; retrying (and reconnecting)"
                + " for up to 60 s", notices.get(0).message());
        assertEquals(18.0, notices.get(0).testTimeSecond());
        assertEquals(RunEvent.Severity.INFO, notices.get(1).severity());
        assertTrue(notices.get(1).message().startsWith("faulty-channel: recovered after 5 failed reads in "),
                notices.get(1).message());
        // the counters integrate across the gap: the charge is the full 100 s at 1 mA
        assertEquals(0.001 * 100 / 3600, h.events.samples().getLast().stepCapacityAh(), 1e-9);
    }

    @Test
    void aChannelThatDoesNotComeBackFaultsWithinTheBoundWithTheChannelOpen() {
        faulty.failReadFrom = 20;
        assertEquals(Outcome.FAULT, run(FaultRetry.within(30)));
        RunEvent.RunEnded end = h.events.ended();
        assertTrue(end.message().startsWith("faulty-channel: 'MEAS:VOLT?;CURR?': no answer within 500 ms;"
                + " gave up after "), end.message());
        assertTrue(end.message().endsWith(" failed reads in 30 s"), end.message());
        assertEquals(18.0 + 30, h.testTime());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
        RunEvent.Notice alarm = h.events.of(RunEvent.Notice.class).getLast();
        assertEquals(RunEvent.Severity.ALARM, alarm.severity());
        assertEquals(end.message(), alarm.message());
    }

    @Test
    void aStopDuringAnIncidentEndsTheRetryingWithinOneBackOff() {
        faulty.failReadFrom = 20;
        ReadRetryPolicy retrying = RetryingReads.forCell(FaultRetry.DEFAULT, h.clock, h.events, Harness.CELL.id());
        ReadRetryPolicy stopAtTheThird = (failure, attempt) -> {
            if (attempt == 3) {
                h.runner.stop();
            }
            return retrying.retryRead(failure, attempt, Double.NaN);
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)), faulty, h.clock,
                b -> b.faultPolicy(stopAtTheThird));
        assertEquals(Outcome.STOPPED, outcome);
        assertEquals("stopped by the operator while retrying: faulty-channel: 'MEAS:VOLT?;CURR?': no answer within"
                + " 500 ms", h.events.ended().message());
        // three back-offs: at most 0.5 + 1 + 2 s
        assertTrue(h.testTime() > 18 && h.testTime() <= 18 + 3.5, "stopped at " + h.testTime());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void noRetryFaultsAtTheFirstFailure() {
        faulty.failReadFrom = 20;
        assertEquals(Outcome.FAULT, run(FaultRetry.parse("0")));
        assertEquals("faulty-channel: 'MEAS:VOLT?;CURR?': no answer within 500 ms", h.events.ended().message());
        assertEquals(18.0, h.testTime());
    }

    @Test
    void theBoundIsATime() {
        assertEquals(60.0, FaultRetry.parse("60s").boundSecond());
        assertEquals(120.0, FaultRetry.parse("2 min").boundSecond());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> FaultRetry.parse("5 V"));
        assertTrue(bad.getMessage().startsWith("'5 V' is not a time such as 60s or 2min"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultRetry.parse("-3 s"));
    }
}
