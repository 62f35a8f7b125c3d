package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the channel is told, and what is recorded, for every step kind. */
class StepKindsTest {
    private final Harness h = new Harness();

    @Test
    void restOpensTheCircuitAndRecordsItsFirstAndLastSample() {
        assertEquals(Outcome.COMPLETED, h.run(P.protocol(P.rest(10))));
        // Before the first step, then the rest, then the end of the run.
        assertEquals(List.of(new ChannelCommand.OpenCircuit(), new ChannelCommand.OpenCircuit(),
                new ChannelCommand.OpenCircuit()), h.cell.applied());
        List<Sample> samples = h.events.samples();
        assertEquals(2, samples.size());
        assertEquals(1.0, samples.get(0).testTimeSecond());
        assertEquals(10.0, samples.get(1).testTimeSecond());
        assertEquals(3.0, samples.get(1).voltageVolt(), 1e-12);
        assertEquals(0.0, samples.get(1).currentAmpere());
        assertEquals(List.of("time 10 s"), h.events.endReasons());
    }

    @Test
    void constantCurrentChargeAndDischargeCarryTheirSignAndTheSafetyVoltageClamp() {
        h.run(P.protocol(P.chargeFor(0.001, 5), P.dischargeFor(0.002, 5)));
        assertEquals(new ChannelCommand.Current(0.001, 2.0, 4.0), h.cell.applied().get(1));
        assertEquals(new ChannelCommand.Current(-0.002, 2.0, 4.0), h.cell.applied().get(2));
        assertEquals(0.001, h.events.samplesOfStep(1).get(0).currentAmpere(), 1e-15);
        assertEquals(-0.002, h.events.samplesOfStep(2).get(0).currentAmpere(), 1e-15);
    }

    @Test
    void cRateIsScaledByTheNominalCapacity() {
        // C/2 of a 2 mAh cell is 1 mA.
        h.run(P.protocol(P.drive(DriveKind.CHARGE, Control.C_RATE, 0.5, 5.0),
                P.drive(DriveKind.DISCHARGE, Control.C_RATE, 0.25, 5.0)));
        assertEquals(new ChannelCommand.Current(0.001, 2.0, 4.0), h.cell.applied().get(1));
        assertEquals(new ChannelCommand.Current(-0.0005, 2.0, 4.0), h.cell.applied().get(2));
    }

    @Test
    void powerIsPositiveOnChargeAndNegativeOnDischarge() {
        h.run(P.protocol(P.drive(DriveKind.CHARGE, Control.POWER, 0.003, 5.0),
                P.drive(DriveKind.DISCHARGE, Control.POWER, 0.003, 5.0)));
        assertEquals(new ChannelCommand.Power(0.003, 2.0, 4.0), h.cell.applied().get(1));
        assertEquals(new ChannelCommand.Power(-0.003, 2.0, 4.0), h.cell.applied().get(2));
        Sample charge = h.events.samplesOfStep(1).get(0);
        Sample discharge = h.events.samplesOfStep(2).get(0);
        assertEquals(0.003, charge.powerWatt(), 1e-9);
        assertEquals(-0.003, discharge.powerWatt(), 1e-9);
    }

    @Test
    void resistanceDischargesThroughTheLoad() {
        h.run(P.protocol(P.drive(DriveKind.DISCHARGE, Control.RESISTANCE, 2990, 5.0)));
        assertEquals(new ChannelCommand.Resistance(2990), h.cell.applied().get(1));
        // 3.0 V over 2990 Ω + 10 Ω is 1 mA; one second later the OCV has dropped by 1 mV.
        assertEquals(-2.999 / 3000, h.events.samplesOfStep(1).get(0).currentAmpere(), 1e-9);
    }

    @Test
    void voltageStepsHoldTheVoltageWithTheCurrentLimitedByChannelAndSafety() {
        // Window ±50 mA, channel 100 mA: a charge at 3.1 V may draw 50 mA.
        h.run(P.protocol(P.drive(DriveKind.CHARGE, Control.VOLTAGE, 3.1, 5.0),
                P.drive(DriveKind.DISCHARGE, Control.VOLTAGE, 3.0, 5.0), P.hold(3.05, P.time(5))));
        assertEquals(new ChannelCommand.Voltage(3.1, 0.05), h.cell.applied().get(1));
        assertEquals(new ChannelCommand.Voltage(3.0, 0.05), h.cell.applied().get(2));
        assertEquals(new ChannelCommand.Voltage(3.05, 0.05), h.cell.applied().get(3));
        assertEquals(3.1, h.events.samplesOfStep(1).get(1).voltageVolt(), 1e-9);
    }

    @Test
    void holdLimitIsTheSmallerOfChannelRatingAndTheSafetyLimitInBothDirections() {
        h.cell.maxCurrent(0.02);
        h.run(P.protocol(P.limits(2, 4, -0.005, 0.03), P.ENDS_ONLY,
                P.hold(3.05, P.time(5)), P.drive(DriveKind.CHARGE, Control.VOLTAGE, 3.1, 5.0)));
        assertEquals(new ChannelCommand.Voltage(3.05, 0.005), h.cell.applied().get(1));
        assertEquals(new ChannelCommand.Voltage(3.1, 0.02), h.cell.applied().get(2));
    }

    @Test
    void eisRestsTheCellSamplesAroundTheSweepAndEmitsTheSpectrum() {
        FakeAnalyzer analyzer = new FakeAnalyzer(h.clock, 300);
        FakeFixture fixture = new FakeFixture(h.clock, 50e6, false, 1);
        Step.Eis eis = P.eis();
        assertEquals(Outcome.COMPLETED, h.run(P.protocol(P.chargeFor(0.001, 10), eis),
                b -> b.eis(analyzer, 3).pressureFixture(fixture)));
        assertEquals(new ChannelCommand.OpenCircuit(), h.cell.applied().get(2));
        assertEquals(List.of(3), analyzer.muxChannels);
        assertEquals(new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 1e5, 1, 5, 0.01), analyzer.requests.get(0));

        List<RunEvent> step2 = h.events.events.stream()
                .dropWhile(e -> !(e instanceof RunEvent.StepStarted s && s.stepCount() == 2)).toList();
        assertInstanceOf(RunEvent.StepStarted.class, step2.get(0));
        Sample before = assertInstanceOf(RunEvent.SampleRecorded.class, step2.get(1)).sample();
        Spectrum spectrum = assertInstanceOf(RunEvent.SpectrumMeasured.class, step2.get(2)).spectrum();
        Sample after = assertInstanceOf(RunEvent.SampleRecorded.class, step2.get(3)).sample();
        RunEvent.StepEnded end = assertInstanceOf(RunEvent.StepEnded.class, step2.get(4));

        assertEquals(11.0, before.testTimeSecond());
        assertEquals(11.0, spectrum.testTimeSecond());
        assertEquals(311.0, after.testTimeSecond());
        assertEquals(0.0, after.currentAmpere());
        assertEquals(2, spectrum.stepCount());
        assertEquals(2, spectrum.stepIndex());
        assertEquals(1, spectrum.cycleCount());
        assertEquals(50e6, spectrum.appliedPressurePa(), 1e-6);
        assertTrue(Double.isNaN(spectrum.ambientTemperatureCelsius()));
        assertEquals(26, spectrum.points().size());
        assertEquals("complete", end.reason());
    }

    @Test
    void setPressureWithoutWaitingCommandsThePressAndTakesNoTime() {
        FakeFixture fixture = new FakeFixture(h.clock, 1e6, true, 10);
        h.run(P.protocol(P.rest(5), P.pressure(10e6, false), P.rest(5)), b -> b.pressureFixture(fixture));
        assertEquals(List.of("time 5 s", "complete", "time 5 s"), h.events.endReasons());
        assertEquals(List.of(), h.events.samplesOfStep(2));
        RunEvent.StepStarted started = h.events.of(RunEvent.StepStarted.class).get(1);
        RunEvent.StepEnded ended = h.events.of(RunEvent.StepEnded.class).get(1);
        assertEquals(5.0, started.testTimeSecond());
        assertEquals(5.0, ended.testTimeSecond());
        // The press moved: 10 s later it is most of the way there.
        Sample last = h.events.samples().get(h.events.samples().size() - 1);
        assertTrue(last.appliedPressurePa() > 3e6, "pressure " + last.appliedPressurePa());
    }

    @Test
    void setPressureAndWaitRestsUntilThreeReadsOverThirtySecondsAreWithinTolerance() {
        // Commanded at t = 5 s, 1 → 10 MPa with τ = 10 s: within ±0.3 MPa (3 %) 10·ln 30 = 34.0 s
        // later. The fixture is read every 5 s: in band at 40, 45 … and settled at 70 s.
        FakeFixture fixture = new FakeFixture(h.clock, 1e6, true, 10);
        h.run(P.protocol(P.chargeFor(0.001, 5), P.pressure(10e6, true)), b -> b.pressureFixture(fixture));
        assertEquals(List.of("time 5 s", "pressure 10 MPa reached"), h.events.endReasons());
        assertEquals(new ChannelCommand.OpenCircuit(), h.cell.applied().get(2));
        List<Sample> waiting = h.events.samplesOfStep(2);
        Sample last = waiting.get(waiting.size() - 1);
        assertEquals(70.0, last.testTimeSecond());
        assertEquals(0.0, last.currentAmpere());
        assertEquals(10e6, last.appliedPressurePa(), 0.3e6);
    }

    @Test
    void setTemperatureAndWaitHoldsTenMinutesWithinHalfADegree() {
        // 25 → 45 °C with τ = 300 s: within 0.5 °C from 300·ln 40 = 1106.7 s; first in-band
        // read at 1110 s; settled 600 s later.
        FakeChamber chamber = new FakeChamber(h.clock, 25, 300);
        h.run(P.protocol(P.temperature(45, true)), b -> b.chamber(chamber));
        assertEquals(List.of("temperature 45 °C reached"), h.events.endReasons());
        List<Sample> samples = h.events.samples();
        Sample last = samples.get(samples.size() - 1);
        assertEquals(1710.0, last.testTimeSecond());
        assertEquals(45, last.ambientTemperatureCelsius(), 0.5);
        assertEquals(45, chamber.setpointCelsius());
    }

    @Test
    void setTemperatureWithoutWaitingMovesOnAtOnce() {
        FakeChamber chamber = new FakeChamber(h.clock, 25, 300);
        h.run(P.protocol(P.temperature(30, false), P.rest(5)), b -> b.chamber(chamber));
        assertEquals(List.of("complete", "time 5 s"), h.events.endReasons());
        assertEquals(30, chamber.setpointCelsius());
        assertEquals(5.0, h.testTime());
    }

    @Test
    void repeatRunsItsBodyTheGivenNumberOfTimes() {
        Protocol p = P.protocol(P.repeat(3, P.chargeFor(0.001, 2), P.dischargeFor(0.001, 2)));
        h.run(p);
        assertEquals(6, h.events.of(RunEvent.StepStarted.class).size());
        assertEquals(12.0, h.testTime());
    }

    @Test
    void runEndsWithTheChannelOpenAndTheListenerClosed() {
        h.run(P.protocol(P.hold(3.05, P.time(3))));
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
        RunEvent.RunEnded end = assertInstanceOf(RunEvent.RunEnded.class, h.events.last());
        assertEquals(Outcome.COMPLETED, end.outcome());
        assertEquals(3.0, end.testTimeSecond());
        assertEquals(0, h.events.closed, "the listener belongs to whoever made it");
        RunEvent.RunStarted start = assertInstanceOf(RunEvent.RunStarted.class, h.events.events.get(0));
        assertEquals(Harness.T0, start.unixTimeSecond());
        assertEquals("test", start.protocolName());
    }

    @Test
    void chargeVoltageTerminationWithAnExplicitOpWorks() {
        h.run(P.protocol(P.charge(0.001, P.volt(Op.AT_LEAST, 3.0205))));
        assertEquals(List.of("voltage >= 3.0205 V"), h.events.endReasons());
        assertEquals(11.0, h.testTime());
    }
}
