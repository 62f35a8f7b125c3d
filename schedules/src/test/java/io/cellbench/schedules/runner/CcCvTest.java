package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CC-CV step is one step in two phases; its duration covers both. */
class CcCvTest {
    private final Harness h = new Harness();

    @Test
    void constantCurrentUntilTheHoldVoltageThenConstantVoltageUntilTheCurrentCutOff() {
        // 2 mA: V = 3.02 + 0.002·t reaches 3.1005 at 40.25 s → switch at 41 s (OCV 3.082 V).
        // CV at 3.1005 V: I = 1.85 mA·e^(−t/10 s) reaches 0.2 mA 10·ln 9.25 = 22.2 s later.
        h.run(P.protocol(P.ccCv(DriveKind.CHARGE, 0.002, null, List.of(), 3.1005, P.ampere(0.0002))));
        assertEquals(List.of(new ChannelCommand.OpenCircuit(), new ChannelCommand.Current(0.002, 2.0, 4.0),
                new ChannelCommand.Voltage(3.1005, 0.002), new ChannelCommand.OpenCircuit()), h.cell.applied());
        assertEquals(1, h.events.of(RunEvent.StepStarted.class).size());
        assertEquals(List.of("current <= 0.0002 A"), h.events.endReasons());
        List<Sample> samples = h.events.samples();
        assertTrue(samples.stream().allMatch(s -> s.stepCount() == 1 && s.stepIndex() == 1));
        // Recorded: step start, the switch to CV, step end.
        assertEquals(3, samples.size());
        assertEquals(41.0, samples.get(1).testTimeSecond());
        assertEquals(3.102, samples.get(1).voltageVolt(), 1e-9);
        assertEquals(64.0, samples.get(2).testTimeSecond());
        assertEquals(3.1005, samples.get(2).voltageVolt(), 1e-9);
        assertEquals(64.0, h.events.of(RunEvent.StepEnded.class).get(0).testTimeSecond());
    }

    @Test
    void theDurationCoversBothPhases() {
        h.run(P.protocol(P.ccCv(DriveKind.CHARGE, 0.002, 30.0, List.of(), 3.1005, P.ampere(0.0002))));
        assertEquals(List.of("time 30 s"), h.events.endReasons());
        assertTrue(h.cell.applied().stream().noneMatch(c -> c instanceof ChannelCommand.Voltage));

        Harness inCv = new Harness();
        inCv.run(P.protocol(P.ccCv(DriveKind.CHARGE, 0.002, 50.0, List.of(), 3.1005, P.ampere(0.0002))));
        assertEquals(List.of("time 50 s"), inCv.events.endReasons());
        assertEquals(50.0, inCv.testTime());
        assertTrue(inCv.cell.applied().contains(new ChannelCommand.Voltage(3.1005, 0.002)));
    }

    @Test
    void anExplicitConstantCurrentConditionSwitchesToConstantVoltage() {
        double ah = 0.002 * 10.5 / 3600;
        h.run(P.protocol(P.ccCv(DriveKind.CHARGE, 0.002, null, List.of(P.capacity(ah)), 3.2, P.time(20))));
        assertEquals(11.0, h.events.samples().get(1).testTimeSecond());
        // The hold would draw (3.2 − 3.022)/10 Ω = 17.8 mA; it is limited to the CC current.
        assertTrue(h.cell.applied().contains(new ChannelCommand.Voltage(3.2, 0.002)));
        assertEquals(List.of("time 20 s"), h.events.endReasons());
        assertEquals(0.002 * 20 / 3600, h.events.samples().get(2).stepCapacityAh(), 1e-12);
    }

    @Test
    void dischargeCcCvSwitchesWhenTheVoltageFallsToTheHold() {
        // −2 mA: V = 2.98 − 0.002·t reaches 2.9005 at 39.75 s → switch at 40 s.
        h.run(P.protocol(P.ccCv(DriveKind.DISCHARGE, 0.002, null, List.of(), 2.9005, P.ampere(0.0002))));
        assertEquals(40.0, h.events.samples().get(1).testTimeSecond());
        assertTrue(h.cell.applied().contains(new ChannelCommand.Voltage(2.9005, 0.002)));
        assertTrue(h.events.samples().get(2).currentAmpere() < 0);
    }

    @Test
    void theConstantVoltagePhaseWaitsOneSamplePeriodBeforeCheckingCurrent() {
        // Switch at 11 s with the OCV at 3.011 V; holding 3.0115 V draws 0.05 mA at once,
        // below the 0.1 mA cut-off, but the phase's first sample must not end it.
        h.run(P.protocol(P.ccCv(DriveKind.CHARGE, 0.001, null, List.of(P.volt(Op.AT_LEAST, 3.0205)), 3.0115,
                P.ampere(0.0001))));
        assertEquals(List.of("current <= 0.0001 A"), h.events.endReasons());
        assertEquals(13.0, h.testTime());
    }
}
