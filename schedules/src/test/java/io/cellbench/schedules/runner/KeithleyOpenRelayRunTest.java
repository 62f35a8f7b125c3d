package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.cycles.CycleStatistics;
import io.cellbench.drivers.keithley.Keithley2450Channel;
import io.cellbench.drivers.keithley.Keithley2450Factory;
import io.cellbench.drivers.keithley.Keithley2450Settings;
import io.cellbench.drivers.keithley.RestMode;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code rest: open-relay} on a Keithley 2450, through the real driver over TCP against the
 * 2450 simulator: a rest with the relay open is "not measured", not a failed read. A timed
 * rest runs its time with NaN voltage and 0 A; a rest that must end on the voltage cannot,
 * and says so at once instead of retrying for the fault-retry window.
 */
@Timeout(60)
class KeithleyOpenRelayRunTest {
    private static final double T0 = 1_700_000_000;

    private static final String CYCLE = """
            name: charge, open-relay rest, discharge
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              sample_period: 10 s
            steps:
              - Charge at C/2 for 30 minutes
              - Rest for 10 minutes
              - Discharge at C/2 for 15 minutes
            """;

    private static final String REST_UNTIL_VOLTAGE = """
            name: a rest that ends on the voltage
            limits:
              voltage: [1.8 V, 3.8 V]
            logging:
              sample_period: 10 s
            steps:
              - Charge at C/2 for 5 minutes
              - Rest until <= 3.3 V or 1 hour
            """;

    private record Run(Outcome outcome, RecordingListener events, double endedAt) {
    }

    private static Run run(String yaml) throws Exception {
        Protocol protocol = ProtocolLoader.parse(yaml, "open-relay.yaml");
        SharedVirtualClock clock = new SharedVirtualClock(T0);
        SimulatedCell cell = new SimulatedCell(CellParameters.coin().withVariation(1));
        cell.completeFormation();
        cell.restAt(0.3);
        RecordingListener events = new RecordingListener();
        try (Keithley2450Simulator sim = new Keithley2450Simulator(cell, clock)) {
            int port = sim.startTcp();
            try (Keithley2450Channel smu = Keithley2450Factory.open("smu-1",
                    Keithley2450Settings.tcp("127.0.0.1", port).withRest(RestMode.OPEN_RELAY))) {
                ProtocolRunner runner = new ProtocolRunner(CellSetup.builder(
                        CellParameters.coin().withVariation(1).toCellInfo("C1"), protocol, smu, clock, events)
                        // what an unattended run has (cellbench run's default): failed reads are retried for 60 s
                        .faultPolicy(RetryingReads.forCell(FaultRetry.DEFAULT, clock, events, "C1")).build());
                Outcome outcome = runner.run();
                return new Run(outcome, events, clock.nowUnixSeconds() - T0);
            }
        }
    }

    @Test
    void aTimedOpenRelayRestRunsItsTimeUnmeasuredAndTheCellCompletes() throws Exception {
        Run run = run(CYCLE);
        RecordingListener events = run.events();
        assertEquals(Outcome.COMPLETED, run.outcome(), () -> events.ended().message());
        assertEquals(List.of("time 1800 s", "time 600 s", "time 900 s"), events.endReasons());

        List<Sample> rest = events.samplesOfStep(2);
        assertFalse(rest.isEmpty());
        for (Sample s : rest) {
            assertTrue(Double.isNaN(s.voltageVolt()), "the rest is not measured: " + s);
            assertEquals(0.0, s.currentAmpere(), "no current flows with the relay open: " + s);
            assertEquals(0.0, s.powerWatt(), "no power without current: " + s);
        }
        for (Sample s : events.samplesOfStep(1)) {
            assertTrue(Double.isFinite(s.voltageVolt()), "the charge is measured: " + s);
        }
        for (Sample s : events.samplesOfStep(3)) {
            assertTrue(Double.isFinite(s.voltageVolt()), "the discharge is measured again: " + s);
        }
        for (Sample s : events.samples()) {
            double[] counters = {s.chargingCapacityAh(), s.dischargingCapacityAh(), s.stepCapacityAh(),
                    s.netCapacityAh(), s.cumulativeCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh(),
                    s.stepEnergyWh(), s.netEnergyWh(), s.cumulativeEnergyWh()};
            for (double c : counters) {
                assertTrue(Double.isFinite(c), "counters stay finite: " + s);
            }
        }
        CycleStatistics stats = new CycleStatistics();
        events.samples().forEach(stats::add);
        CycleSummary cycle = stats.finish().orElseThrow();
        for (double v : new double[] {cycle.chargeCapacityAh(), cycle.dischargeCapacityAh(), cycle.chargeEnergyWh(),
                cycle.dischargeEnergyWh(), cycle.coulombicEfficiency(), cycle.energyEfficiency(),
                cycle.meanChargeVoltageVolt(), cycle.meanDischargeVoltageVolt(), cycle.endChargeVoltageVolt(),
                cycle.endDischargeVoltageVolt()}) {
            assertTrue(Double.isFinite(v), "the cycle's statistics are measured: " + cycle);
        }
        Sample last = events.samples().getLast();
        double oneCAmpere = CellParameters.coin().oneCAmpere();
        assertEquals(oneCAmpere / 2 * 900 / 3600, last.dischargingCapacityAh(), 0.02 * oneCAmpere);
        assertTrue(last.chargingEnergyWh() > 0 && last.dischargingEnergyWh() > 0, "energy counted: " + last);
        assertEquals(1, events.of(RunEvent.Notice.class).stream()
                .filter(n -> n.severity() == RunEvent.Severity.INFO
                        && n.message().equals("channel smu-1 rests with its relay open: voltage not measured until"
                        + " the next step"))
                .count(), () -> "one notice for the rest: " + events.of(RunEvent.Notice.class));
    }

    @Test
    void aRestThatMustEndOnTheVoltageFaultsAtOnceNamingTheStepAndTheFix() throws Exception {
        Run run = run(REST_UNTIL_VOLTAGE);
        RecordingListener events = run.events();
        assertEquals(Outcome.FAULT, run.outcome());
        String message = events.ended().message();
        assertTrue(message.contains("open-relay.yaml:") && message.contains("'Rest until <= 3.3 V or 1 hour'"), message);
        assertTrue(message.contains("smu-1"), message);
        assertTrue(message.contains("rest: open-relay") && message.contains("rest: zero-current"), message);
        assertTrue(message.contains("end the rest on time"), message);
        // the charge's 300 s, and not the 60 s of retries the fault-retry window would have spent
        assertTrue(run.endedAt() < 300 + 30, "ended at test time " + run.endedAt() + " s");
    }
}
