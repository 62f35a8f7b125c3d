package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delegated cell acts on the protocol's pressure and temperature window as a directly driven
 * cell does: BTS reads no press (and the chamber only through a thermocouple mapped in BTS), so
 * cellbench checks each reading of the fixture and the chamber, and on a crossing stops the
 * program on the cycler and ends the cell in a safety trip with an alarm, keeping the samples
 * recorded up to the stop.
 */
@Timeout(300) // a hang guard
class DelegatedLimitsTest {
    private static final String PROTOCOL = """
            name: charge under pressure
            limits:
              voltage: [1.8 V, 3.8 V]
              pressure: [1 MPa, 12 MPa]
              temperature: [-10 °C, 40 °C]
            steps:
              - Charge at C/5 for 30 minutes
              - Rest for 10 minutes
            """;

    @TempDir
    Path share;

    @Test
    void aPressurePastTheLimitStopsTheProgramOnTheCycler() throws Exception {
        Protocol protocol = ProtocolLoader.parse(PROTOCOL, "limits.yaml");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (BtsBench b = new BtsBench(share, 100)) {
            // A press running away from 10 towards 20 MPa: past 12 MPa about 67 s into the charge.
            FakeFixture fixture = new FakeFixture(b.clock, 10e6, true, 300);
            fixture.setPressurePa(20e6);
            FakeChamber chamber = new FakeChamber(b.clock, 25, 300);
            DelegatedRunner runner = b.runner(protocol, events::add, fixture, chamber);
            RunEvent.Outcome outcome = runner.run();

            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, told(events));
            assertEquals("stop", b.sim.workstatus(1), "the program is stopped on the cycler");
            assertEquals(RunnerStatus.State.ENDED, runner.status().state());
            assertEquals(RunEvent.Outcome.SAFETY_TRIP, runner.status().outcome());
            RunEvent.Notice alarm = alarm(events);
            assertEquals("nw-cell", alarm.cellId());
            assertTrue(alarm.message().matches("(?s)pressure 1[23](\\.\\d+)? MPa is above the safety limit 12 MPa.*"),
                    alarm.message());
            assertTrue(alarm.message().contains("27-21-1-1"), "names the channel it stopped: " + alarm.message());
            RunEvent.RunEnded end = (RunEvent.RunEnded) events.getLast();
            assertEquals(RunEvent.Outcome.SAFETY_TRIP, end.outcome());

            List<Sample> samples = samples(events);
            assertTrue(samples.size() > 5, samples.size() + " samples before the trip are kept");
            Sample last = samples.getLast();
            // cut short in the charge (the whole program is 40 minutes), within a few poll periods of the crossing
            assertTrue(last.testTimeSecond() > 50 && last.testTimeSecond() < 400, last.toString());
            assertFalse(samples.stream().anyMatch(s -> s.appliedPressurePa() > 13e6),
                    "no sample past the reading that tripped: " + last);
        }
    }

    @Test
    void aChamberPastTheTemperatureLimitStopsTheProgramOnTheCycler() throws Exception {
        Protocol protocol = ProtocolLoader.parse(PROTOCOL, "limits.yaml");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeFixture fixture = new FakeFixture(b.clock, 10e6, true, 300);
            // A chamber heating from 25 towards 60 °C: past 40 °C about 3 minutes in.
            FakeChamber chamber = new FakeChamber(b.clock, 25, 300);
            chamber.setTemperatureCelsius(60);
            RunEvent.Outcome outcome = b.runner(protocol, events::add, fixture, chamber).run();

            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, told(events));
            assertEquals("stop", b.sim.workstatus(1), "the program is stopped on the cycler");
            RunEvent.Notice alarm = alarm(events);
            assertTrue(alarm.message().startsWith("chamber temperature 4"), alarm.message());
            assertTrue(alarm.message().contains("is above the safety limit 40 °C"), alarm.message());
            assertTrue(samples(events).size() > 5);
        }
    }

    @Test
    void aCellAlreadyOutsideTheWindowStartsNoProgram() throws Exception {
        Protocol protocol = ProtocolLoader.parse(PROTOCOL, "limits.yaml");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeFixture fixture = new FakeFixture(b.clock, 0.5e6, false, 300); // the press was not closed
            RunEvent.Outcome outcome = b.runner(protocol, events::add, fixture, null).run();

            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, told(events));
            assertTrue(alarm(events).message().startsWith("pressure 0.5 MPa is below the safety limit 1 MPa"),
                    alarm(events).message());
            assertTrue(samples(events).isEmpty(), "nothing ran");
            assertFalse(b.sim.workstatus(1).equals("working"), b.sim.workstatus(1));
        }
    }

    private static RunEvent.Notice alarm(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Notice n && n.severity() == RunEvent.Severity.ALARM)
                .map(e -> (RunEvent.Notice) e).findFirst().orElseThrow(() -> new AssertionError("no alarm: " + told(events)));
    }

    /** What the run said, without its samples (for failure messages). */
    private static String told(List<RunEvent> events) {
        return events.stream().filter(e -> !(e instanceof RunEvent.SampleRecorded)).toList().toString();
    }

    private static List<Sample> samples(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.SampleRecorded)
                .map(e -> ((RunEvent.SampleRecorded) e).sample()).toList();
    }
}
