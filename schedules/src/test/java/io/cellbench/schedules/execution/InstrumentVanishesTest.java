package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.schedule.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One channel's instrument vanishing leaves every other channel's data unaffected: a
 * Keithley 2450 simulator serving one cell over TCP is switched off in the middle of a
 * charge; that cell faults within the retry bound with a message naming the instrument and
 * the command, and every other cell records exactly what it records in a run without the fault.
 */
class InstrumentVanishesTest {
    static final Protocol PROTOCOL = ProtocolLoader.parse("""
            name: short cycling
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              voltage_change: 5 mV
              current_change: 1 mA
              sample_period: 2 s
            steps:
              - Rest for 10 minutes
              - Repeat 2 times:
                  - Charge at C/2 until 3.7 V
                  - Rest for 10 minutes
                  - Discharge at C/2 until 1.9 V
                  - Rest for 10 minutes
            """, "cycling.yaml");
    private static final String VANISHING = "cell-02";
    private static final double KILL_AT = 1800; // test time, s: in the first charge

    private record Run(CollectingListener events, Map<String, Outcome> outcomes, double killedAt) {
    }

    private Run run(boolean kill) throws Exception {
        Schedule schedule = SimulatedLab.schedule(PROTOCOL, 5);
        CollectingListener events = new CollectingListener();
        AtomicReference<Double> killedAt = new AtomicReference<>(Double.NaN);
        try (SimulatedLab lab = new SimulatedLab(Set.of(VANISHING), Map.of(), Duration.ofMillis(300))) {
            if (kill) {
                events.spy = e -> {
                    if (e instanceof RunEvent.SampleRecorded s && s.cellId().equals(VANISHING)
                            && s.sample().testTimeSecond() >= KILL_AT && killedAt.get().isNaN()) {
                        killedAt.set(s.sample().testTimeSecond());
                        lab.simulator(VANISHING).close(); // switched off: every connection drops, none is accepted
                    }
                };
            }
            // closed: the vanished channel's output is never confirmed off, and its retries end with the test
            try (ScheduleRunner runner = new ScheduleRunner(schedule, lab, events).faultRetry(FaultRetry.DEFAULT)) {
                Map<String, Outcome> outcomes = runner.run();
                return new Run(events, outcomes, killedAt.get());
            }
        }
    }

    @Test
    void oneInstrumentVanishingLeavesEveryOtherChannelsDataUnaffected() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Run reference = run(false);
            Run faulted = run(true);

            assertEquals(Outcome.COMPLETED, reference.outcomes().get(VANISHING), "the wired cell runs clean");
            assertEquals(Outcome.FAULT, faulted.outcomes().get(VANISHING));
            RunEvent.RunEnded end = faulted.events().ended(VANISHING);
            String m = end.message();
            assertTrue(m.startsWith("keithley-cell-02: ':READ? \"defbuffer1\", READ, SOUR': "), m);
            assertTrue(m.contains("Connection refused"), m);
            assertTrue(m.contains("; gave up after ") && m.contains(" failed reads in 60 s"), m);
            assertTrue(m.contains("; the channel could not be opened: keithley-cell-02: "), m);
            double killedAt = faulted.killedAt();
            assertTrue(end.testTimeSecond() > killedAt && end.testTimeSecond() <= killedAt + 2 + 60 + 1,
                    "faulted at " + end.testTimeSecond() + " s, instrument switched off at " + killedAt + " s");
            List<RunEvent.Notice> alarms = faulted.events().of(VANISHING, RunEvent.Notice.class).stream()
                    .filter(n -> n.severity() == RunEvent.Severity.ALARM).toList();
            assertEquals(m, alarms.get(0).message());
            // switched off mid-charge, the instrument could not confirm its output off: said, and retried
            assertTrue(alarms.get(1).message().startsWith("keithley-cell-02: output not confirmed off after the cell"
                    + " ended"), alarms.get(1).message());
            RunEvent.Notice incident = faulted.events().of(VANISHING, RunEvent.Notice.class).getFirst();
            assertEquals(RunEvent.Severity.WARNING, incident.severity());
            assertTrue(incident.message().endsWith("; retrying (and reconnecting) for up to 60 s"), incident.message());

            List<Sample> before = faulted.events().samples(VANISHING);
            assertEquals(killedAt, before.getLast().testTimeSecond(), "no sample after the instrument vanished");

            for (String id : reference.outcomes().keySet()) {
                if (id.equals(VANISHING)) {
                    continue;
                }
                assertEquals(Outcome.COMPLETED, faulted.outcomes().get(id), id);
                assertEquals(reference.events().samples(id), faulted.events().samples(id), id + ": samples");
                assertEquals(reference.events().cycles(id), faulted.events().cycles(id), id + ": cycle summaries");
                assertEquals(2, faulted.events().cycles(id).size(), id + " cycles");
            }
        });
    }
}
