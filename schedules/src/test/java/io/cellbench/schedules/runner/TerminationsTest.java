package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.Sample;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every termination measure, OR-ed conditions, implied ops and durations, on the standard
 * fake cell: at 1 mA the voltage reads 3.01 V + 1 mV per second of charge.
 */
class TerminationsTest {
    private final Harness h = new Harness();

    private Sample lastSample() {
        List<Sample> s = h.events.samples();
        return s.get(s.size() - 1);
    }

    @Test
    void chargeEndsAtTheFirstSampleAtOrAboveTheVoltage() {
        // 3.01 + 0.001·t ≥ 3.1005 first at t = 91 s (t = 90.5 s exactly).
        h.run(P.protocol(P.charge(0.001, P.volt(Op.AT_LEAST, 3.1005))));
        assertEquals(List.of("voltage >= 3.1005 V"), h.events.endReasons());
        assertEquals(91.0, lastSample().testTimeSecond());
        assertEquals(3.101, lastSample().voltageVolt(), 1e-9);
    }

    @Test
    void dischargeEndsAtTheFirstSampleAtOrBelowTheVoltage() {
        // 2.99 − 0.001·t ≤ 2.9705 first at t = 20 s.
        h.run(P.protocol(P.discharge(0.001, P.volt(Op.AT_MOST, 2.9705))));
        assertEquals(List.of("voltage <= 2.9705 V"), h.events.endReasons());
        assertEquals(20.0, lastSample().testTimeSecond());
    }

    @Test
    void holdEndsWhenTheCurrentMagnitudeFallsToTheLimit() {
        // Hold 3.1 V on a 3.0 V cell: I = 10 mA·e^(−t/10 s); 1 mA after 10·ln 10 = 23.03 s.
        h.run(P.protocol(P.hold(3.1, P.ampere(0.001))));
        assertEquals(List.of("current <= 0.001 A"), h.events.endReasons());
        assertEquals(24.0, lastSample().testTimeSecond());
        assertEquals(0.01 * Math.exp(-2.4), lastSample().currentAmpere(), 2e-6);
    }

    @Test
    void dischargeHoldComparesTheMagnitudeOfANegativeCurrent() {
        h.run(P.protocol(P.hold(2.9, P.ampere(0.001))));
        assertEquals(24.0, lastSample().testTimeSecond());
        assertEquals(-0.01 * Math.exp(-2.4), lastSample().currentAmpere(), 2e-6);
    }

    @Test
    void cRateTerminationUsesTheNominalCapacity() {
        // C/4 of 2 mAh is 0.5 mA: 10 mA·e^(−t/10) ≤ 0.5 mA after 10·ln 20 = 29.96 s.
        h.run(P.protocol(P.hold(3.1, P.cRate(0.25))));
        assertEquals(List.of("C-rate <= 0.25 C"), h.events.endReasons());
        assertEquals(30.0, lastSample().testTimeSecond());
    }

    @Test
    void capacityTerminationComparesTheStepThroughput() {
        // 1 mA for 10.5 s is 2.91667e-6 Ah; reached at the 11 s sample.
        double ah = 0.001 * 10.5 / 3600;
        h.run(P.protocol(P.chargeFor(0.001, 5), P.discharge(0.001, P.capacity(ah))));
        assertEquals(List.of("time 5 s", "capacity >= " + Texts.number(ah) + " Ah"), h.events.endReasons());
        assertEquals(16.0, lastSample().testTimeSecond());
        assertEquals(0.001 * 11 / 3600, lastSample().stepCapacityAh(), 1e-15);
    }

    @Test
    void energyTerminationComparesTheStepEnergyThroughput() {
        // Power 1 mA × (3.01 + 0.001·t) V, a line: the trapezoids are exact.
        double wh20 = energyAfter(20);
        double wh21 = energyAfter(21);
        double threshold = (wh20 + wh21) / 2;
        h.run(P.protocol(P.charge(0.001, P.energy(threshold))));
        assertEquals(21.0, lastSample().testTimeSecond());
        assertEquals(wh21, lastSample().stepEnergyWh(), 1e-15);
        assertEquals(List.of("energy >= " + Texts.number(threshold) + " Wh"), h.events.endReasons());
    }

    private static double energyAfter(double t) {
        return 1e-3 * (3.01 * t + 0.0005 * t * t) / 3600;
    }

    @Test
    void timeTerminationEndsAtThatStepTime() {
        h.run(P.protocol(P.rest(2), P.charge(0.001, P.time(30))));
        assertEquals(List.of("time 2 s", "time 30 s"), h.events.endReasons());
        assertEquals(32.0, h.testTime());
    }

    @Test
    void durationEndsExactlyOnTimeEvenBetweenSamplePeriods() {
        h.run(P.protocol(P.chargeFor(0.001, 10.5)));
        assertEquals(List.of("time 10.5 s"), h.events.endReasons());
        assertEquals(10.5, lastSample().testTimeSecond());
        assertEquals(0.001 * 10.5 / 3600, lastSample().stepCapacityAh(), 1e-15);
    }

    @Test
    void conditionsAreOredAndTheFirstToHoldEndsTheStep() {
        double ah = 0.001 * 10.5 / 3600;
        h.run(P.protocol(P.chargeFor(0.001, 100, P.volt(Op.AT_LEAST, 3.1005), P.capacity(ah))));
        assertEquals(List.of("capacity >= " + Texts.number(ah) + " Ah"), h.events.endReasons());
        assertEquals(11.0, h.testTime());

        Harness second = new Harness();
        second.run(P.protocol(P.chargeFor(0.001, 50, P.volt(Op.AT_LEAST, 3.1005), P.capacity(ah * 100))));
        assertEquals(List.of("time 50 s"), second.events.endReasons());
    }

    @Test
    void whenTwoHoldOnTheSameSampleTheDurationIsNamedThenTheOrderWritten() {
        h.run(P.protocol(P.chargeFor(0.001, 20, P.time(20), P.volt(Op.AT_LEAST, 3.0))));
        // The voltage condition holds at the first sample already; the duration does not.
        assertEquals(List.of("voltage >= 3 V"), h.events.endReasons());
        Harness second = new Harness();
        second.run(P.protocol(P.chargeFor(0.001, 20, P.volt(Op.AT_LEAST, 3.0295), P.time(20))));
        assertEquals(List.of("time 20 s"), second.events.endReasons());
    }

    @Test
    void opsAreImpliedWhenNotWritten() {
        Termination chargeCutOff = new Termination(Measure.VOLTAGE, null, 3.0205);
        Termination dischargeCutOff = new Termination(Measure.VOLTAGE, null, 2.9805);
        Termination currentCutOff = new Termination(Measure.CURRENT, null, 0.001);
        Termination capacityCutOff = new Termination(Measure.CAPACITY, null, 0.001 * 4.5 / 3600);
        h.run(P.protocol(P.charge(0.001, chargeCutOff), P.rest(100), P.discharge(0.001, dischargeCutOff),
                P.hold(3.1, currentCutOff), P.charge(0.001, capacityCutOff)));
        assertEquals(List.of("voltage >= 3.0205 V", "time 100 s", "voltage <= 2.9805 V", "current <= 0.001 A",
                "capacity >= " + Texts.number(0.001 * 4.5 / 3600) + " Ah"), h.events.endReasons());
        List<Sample> ends = h.events.samples();
        assertEquals(11.0, h.events.samplesOfStep(1).get(1).testTimeSecond());
        // The first charge left 11 mV: 3.011 − 0.01 − 0.001·t ≤ 2.9805 first at t = 21 s.
        assertEquals(111.0 + 21.0, h.events.samplesOfStep(3).get(1).testTimeSecond());
        assertEquals(5.0, h.events.samplesOfStep(5).get(1).testTimeSecond() - h.events.samplesOfStep(4).get(1).testTimeSecond());
        assertEquals(10, ends.size());
    }

    @Test
    void currentConditionsAreNotCheckedOnTheFirstSampleOfAStep() {
        // The cell is already at 3.0 V; holding 3.0 V draws no current from the start. The
        // first sample would end it; the rule waits for the second.
        h.run(P.protocol(P.hold(3.0, P.ampere(0.001))));
        assertEquals(2.0, h.testTime());
        Harness cRate = new Harness();
        cRate.run(P.protocol(P.hold(3.0, P.cRate(0.05))));
        assertEquals(2.0, cRate.testTime());
    }

    @Test
    void voltageConditionsMayEndAStepAtItsFirstSample() {
        h.run(P.protocol(P.discharge(0.001, P.volt(Op.AT_MOST, 3.5))));
        assertEquals(1.0, h.testTime());
    }

    @Test
    void restCanEndOnAVoltage() {
        // An RC pair relaxing after a charge: 10 mV·e^(−t/20 s) above the OCV.
        Harness rc = new Harness();
        FakeCellChannel cell = new FakeCellChannel(rc.clock, 3.0, 3600, 10, 10, 20);
        rc.run(P.protocol(P.chargeFor(0.001, 200), P.rest(null, P.volt(Op.AT_MOST, 3.2 + 0.001))),
                cell, rc.clock, b -> b);
        // After 200 s at 1 mA the RC voltage is 10 mV·(1 − e^(−10)); it must fall to 1 mV.
        double v0 = 0.01 * (1 - Math.exp(-10));
        double t = 20 * Math.log(v0 / 0.001);
        assertEquals(Math.ceil(t), rc.testTime() - 200, 1e-9);
        assertEquals(List.of("time 200 s", "voltage <= 3.201 V"), rc.events.endReasons());
    }

    @Test
    void powerStepsEndOnVoltageToo() {
        h.run(P.protocol(P.drive(DriveKind.DISCHARGE, Control.POWER, 0.003, null, P.volt(Op.AT_MOST, 2.95))));
        assertEquals(List.of("voltage <= 2.95 V"), h.events.endReasons());
        // About 1 mA: 2.99 − 0.001·t reaches 2.95 near 40 s.
        assertEquals(40, h.testTime(), 2);
    }
}
