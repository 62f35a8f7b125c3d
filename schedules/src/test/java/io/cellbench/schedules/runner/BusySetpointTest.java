package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.modbus.ModbusChamberSimulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import io.cellbench.protocols.ProtocolLoader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A press or chamber controller that answers a set-point write with Modbus exception 6 (server
 * device busy: not done, send it again later) or 5 (acknowledge: taken, still working on it)
 * is asked again after the cell's back-off, within the run's fault bound — the write is an
 * absolute value, safe to repeat. Any other refusal still faults the cell at once. Real
 * modbus-pressure and modbus-chamber drivers over Modbus TCP to the simulators, on a virtual
 * clock the runner's back-off advances.
 */
class BusySetpointTest {
    private static final double T0 = 1_700_000_000;
    private static final String PROTOCOL = """
            name: set points
            steps:
              - Set pressure to 30 MPa
              - Set temperature to 35 °C
              - Rest for 10 seconds
            """;

    private SharedVirtualClock clock;
    private SimulatedBench bench;
    private ModbusPressSimulator press;
    private ModbusChamberSimulator chamber;

    @BeforeEach
    void start() throws Exception {
        clock = new SharedVirtualClock(T0);
        bench = SimulatedBench.create(CellParameters.coin(), 42, 10e6, clock);
        bench.cell().completeFormation();
        bench.cell().restAt(0.5);
        press = new ModbusPressSimulator("press-1", bench.cell(), clock);
        chamber = new ModbusChamberSimulator("chamber-1", List.of(bench.cell()), clock);
        press.startTcp();
        chamber.startTcp();
    }

    @AfterEach
    void stop() {
        press.close();
        chamber.close();
    }

    private RecordingListener run(FaultRetry retry) {
        return assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            try (PressureFixture p = (PressureFixture) Drivers.named("modbus-pressure").open(config("press-1", press.labEntry()));
                 TemperatureChamber c = (TemperatureChamber) Drivers.named("modbus-chamber")
                         .open(config("chamber-1", chamber.labEntry()))) {
                RecordingListener events = new RecordingListener();
                new ProtocolRunner(CellSetup.builder(bench.cellInfo(), ProtocolLoader.parse(PROTOCOL, "setpoints.yaml"),
                        bench.channel(), clock, events).pressureFixture(p).chamber(c)
                        .faultPolicy(RetryingReads.forCell(retry, clock, events, "c1")).build()).run();
                return events;
            }
        });
    }

    private static InstrumentConfig config(String name, Map<String, Object> labEntry) {
        Map<String, Object> entry = new LinkedHashMap<>(labEntry);
        String driver = (String) entry.remove("driver");
        return new InstrumentConfig(name, driver, entry, "lab.yaml:1:1");
    }

    private static List<String> notices(RecordingListener events, RunEvent.Severity severity) {
        return events.of(RunEvent.Notice.class).stream().filter(n -> n.severity() == severity)
                .map(RunEvent.Notice::message).toList();
    }

    @Test
    void aBusyPressIsAskedAgainAfterABackOffAndTheStepGoesOn() {
        press.answerWrites(6, 3);
        RecordingListener events = run(FaultRetry.within(60));
        assertEquals(Outcome.COMPLETED, events.ended().outcome(), () -> events.ended().message());
        assertEquals(30e6, press.fixture().setpointPa(), 1);
        List<String> warnings = notices(events, RunEvent.Severity.WARNING);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("press-1: 'write holding 0x0010 x2 = 41 F0 00 00': device answered Modbus"
                + " exception 6 (server device busy)"), warnings.get(0));
        assertTrue(notices(events, RunEvent.Severity.INFO).stream().anyMatch(m -> m.startsWith("press-1: recovered after 3"
                + " failed")), notices(events, RunEvent.Severity.INFO).toString());
    }

    @Test
    void aChamberThatAcknowledgesIsAskedAgainUntilItAnswersPlainly() {
        chamber.answerWrites(5, 2);
        RecordingListener events = run(FaultRetry.within(60));
        assertEquals(Outcome.COMPLETED, events.ended().outcome(), () -> events.ended().message());
        assertEquals(35, chamber.chamber().setpointCelsius(), 1e-9);
        assertTrue(chamber.running());
    }

    @Test
    void aPressBusyForLongerThanTheFaultBoundFaultsTheCell() {
        press.answerWrites(6, Integer.MAX_VALUE);
        RecordingListener events = run(FaultRetry.within(20));
        assertEquals(Outcome.FAULT, events.ended().outcome());
        assertTrue(events.ended().message().contains("exception 6 (server device busy)")
                && events.ended().message().contains("gave up after"), events.ended().message());
    }

    @Test
    void anyOtherRefusalStillFaultsAtOnce() {
        press.answerWrites(4, 1);
        RecordingListener events = run(FaultRetry.within(60));
        assertEquals(Outcome.FAULT, events.ended().outcome());
        assertTrue(events.ended().message().endsWith("device answered Modbus exception 4 (server device failure)"),
                events.ended().message());
        assertEquals(List.of(), notices(events, RunEvent.Severity.WARNING));
    }
}
