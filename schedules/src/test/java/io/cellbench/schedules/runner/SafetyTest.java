package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leaving the safety window ends the run at once with the channel open. */
class SafetyTest {
    private final Harness h = new Harness();

    private void assertTripped(String reason) {
        RunEvent.RunEnded end = h.events.ended();
        assertEquals(Outcome.SAFETY_TRIP, end.outcome());
        assertEquals(reason, end.message());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
        RunEvent.Notice alarm = h.events.of(RunEvent.Notice.class).get(0);
        assertEquals(RunEvent.Severity.ALARM, alarm.severity());
        assertEquals(reason, alarm.message());
        assertEquals("safety trip: " + reason, h.events.endReasons().get(h.events.endReasons().size() - 1));
        assertEquals(0, h.events.closed, "the listener belongs to whoever made it");
    }

    @Test
    void voltageAboveTheWindowOpensTheCircuitAndRecordsTheTrippingSample() {
        // The channel should clamp at 3.0505 V, but its clamp has failed:
        // 3.01 + 0.001·t > 3.0505 first at t = 41 s.
        h.cell.breakClamp();
        Outcome outcome = h.run(P.protocol(P.limits(2.5, 3.0505, -0.01, 0.01), P.ENDS_ONLY,
                P.chargeFor(0.001, 1000), P.rest(10)));
        assertEquals(Outcome.SAFETY_TRIP, outcome);
        assertTripped("voltage 3.051 V is above the safety limit 3.0505 V");
        List<Sample> samples = h.events.samples();
        Sample last = samples.get(samples.size() - 1);
        assertEquals(41.0, last.testTimeSecond());
        assertEquals(3.051, last.voltageVolt(), 1e-9);
        // The channel was opened at the tripping sample: no time passed under current after it.
        assertEquals(41.0, h.testTime());
        assertEquals(List.of(new ChannelCommand.OpenCircuit(), new ChannelCommand.Current(0.001, 2.5, 3.0505),
                new ChannelCommand.OpenCircuit(), new ChannelCommand.OpenCircuit()), h.cell.applied());
        // The rest never ran; events end with step end, alarm, run end.
        List<RunEvent> tail = h.events.events.subList(h.events.events.size() - 4, h.events.events.size());
        assertInstanceOf(RunEvent.SampleRecorded.class, tail.get(0));
        assertInstanceOf(RunEvent.StepEnded.class, tail.get(1));
        assertInstanceOf(RunEvent.Notice.class, tail.get(2));
        assertInstanceOf(RunEvent.RunEnded.class, tail.get(3));
        assertEquals(1, h.events.of(RunEvent.StepStarted.class).size());
    }

    @Test
    void voltageBelowTheWindowTripsOnAnUnclampedResistanceDischarge() {
        // 2990 Ω: about 1 mA, V = 2.99 − 0.001·t·(2990/3000)… below 2.9505 V near 40 s.
        h.run(P.protocol(P.limits(2.9505, 3.5, -0.01, 0.01), P.ENDS_ONLY,
                P.drive(DriveKind.DISCHARGE, Control.RESISTANCE, 2990, 1000.0)));
        String message = h.events.ended().message();
        assertTrue(message.matches("voltage 2\\.950\\d* V is below the safety limit 2\\.9505 V"), message);
        Sample last = h.events.samples().get(h.events.samples().size() - 1);
        assertTrue(last.voltageVolt() < 2.9505 && last.voltageVolt() > 2.9495, "V " + last.voltageVolt());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void dischargeCurrentBeyondTheNegativeLimitTrips() {
        // Constant power: |I| = P/V grows as the voltage falls, past 3.4 mA within seconds.
        h.run(P.protocol(P.limits(2.5, 3.5, -0.0034, 0.0034), P.ENDS_ONLY,
                P.drive(DriveKind.DISCHARGE, Control.POWER, 0.01, 100.0)));
        String message = h.events.ended().message();
        assertTrue(message.startsWith("current -0.0034"), message);
        assertTrue(message.endsWith(" A is below the safety limit -0.0034 A"), message);
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void chamberTemperatureBeyondTheWindowTrips() {
        FakeChamber chamber = new FakeChamber(h.clock, 25, 100);
        chamber.setTemperatureCelsius(80); // a chamber running away on its own
        h.run(P.protocol(new SafetyLimits(new Range(2, 4), Range.UNBOUNDED, new Range(10, 40), Range.UNBOUNDED),
                P.ENDS_ONLY, P.rest(3600)), b -> b.chamber(chamber));
        // 25 → 80 °C with τ = 100 s passes 40 °C at 100·ln(55/40) = 31.8 s; read every 5 s.
        assertEquals(35.0, h.testTime());
        String message = h.events.ended().message();
        assertTrue(message.matches("chamber temperature 4\\d\\.\\d+ °C is above the safety limit 40 °C"), message);
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void cellThermocoupleBeyondTheWindowTrips() {
        h.cell.temperature(25);
        // The thermocouple reads 45 °C from the moment the 5th point is recorded (t = 5 s).
        h.events.onSample = n -> {
            if (n == 5) {
                h.cell.temperature(45);
            }
        };
        h.run(P.protocol(new SafetyLimits(new Range(2, 4), Range.UNBOUNDED, new Range(10, 40), Range.UNBOUNDED),
                P.EVERY_SAMPLE, P.rest(100)));
        assertEquals("cell temperature 45 °C is above the safety limit 40 °C", h.events.ended().message());
        assertEquals(6.0, h.testTime());
        // Without a chamber the thermocouple is what the samples carry.
        assertEquals(45.0, h.events.samples().get(h.events.samples().size() - 1).ambientTemperatureCelsius());
    }

    @Test
    void pressureBeyondTheWindowTrips() {
        FakeFixture fixture = new FakeFixture(h.clock, 10e6, true, 20);
        fixture.setPressurePa(2e6); // the stack is creeping: pressure falling
        h.run(P.protocol(new SafetyLimits(new Range(2, 4), Range.UNBOUNDED, Range.UNBOUNDED, new Range(5e6, 20e6)),
                P.ENDS_ONLY, P.rest(3600)), b -> b.pressureFixture(fixture));
        // 10 → 2 MPa with τ = 20 s passes 5 MPa at 20·ln(8/3) = 19.6 s; read every 5 s.
        assertEquals(20.0, h.testTime());
        String message = h.events.ended().message();
        assertTrue(message.matches("pressure 4\\.\\d+ MPa is below the safety limit 5 MPa"), message);
        Sample last = h.events.samples().get(h.events.samples().size() - 1);
        assertEquals(20.0, last.testTimeSecond());
        assertTrue(last.appliedPressurePa() < 5e6);
    }

    @Test
    void refusesToStartWhenTheCellIsAlreadyOutsideTheWindow() {
        Outcome outcome = h.run(P.protocol(P.limits(3.2, 4.0, -0.01, 0.01), P.ENDS_ONLY, P.charge(0.001,
                P.volt(Op.AT_LEAST, 3.9))));
        assertEquals(Outcome.SAFETY_TRIP, outcome);
        RunEvent.RunEnded end = h.events.ended();
        assertEquals("refused to start: voltage 3 V is below the safety limit 3.2 V", end.message());
        assertEquals(List.of(new ChannelCommand.OpenCircuit(), new ChannelCommand.OpenCircuit()), h.cell.applied());
        assertEquals(List.of(), h.events.of(RunEvent.StepStarted.class));
        assertEquals(List.of(), h.events.samples());
        assertEquals(0.0, h.testTime());
        assertEquals(RunEvent.Severity.ALARM, h.events.of(RunEvent.Notice.class).get(0).severity());
    }

    @Test
    void refusesToStartWhenThePressureIsAlreadyOutsideTheWindow() {
        FakeFixture fixture = new FakeFixture(h.clock, 1e6, false, 1);
        h.run(P.protocol(new SafetyLimits(new Range(2, 4), Range.UNBOUNDED, Range.UNBOUNDED, new Range(5e6, 20e6)),
                P.ENDS_ONLY, P.rest(10)), b -> b.pressureFixture(fixture));
        assertEquals("refused to start: pressure 1 MPa is below the safety limit 5 MPa", h.events.ended().message());
    }

    @Test
    void aLimitNoInstrumentMeasuresIsAWarningNotAReason() {
        h.run(P.protocol(new SafetyLimits(new Range(2, 4), Range.UNBOUNDED, Range.UNBOUNDED, new Range(5e6, 20e6)),
                P.ENDS_ONLY, P.rest(10)));
        assertEquals(Outcome.COMPLETED, h.events.ended().outcome());
        RunEvent.Notice warning = h.events.of(RunEvent.Notice.class).get(0);
        assertEquals(RunEvent.Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("pressure limit is set but cell C1 has no pressure fixture"));
    }

    @Test
    void aConstantCurrentStepIsClampedToTheSafetyVoltageWindow() {
        h.run(P.protocol(P.limits(2.5, 3.6, -0.01, 0.01), P.ENDS_ONLY, P.chargeFor(0.001, 10)));
        assertEquals(new ChannelCommand.Current(0.001, 2.5, 3.6), h.cell.applied().get(1));
    }
}
