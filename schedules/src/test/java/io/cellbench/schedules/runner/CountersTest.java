package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capacity and energy counters, hand-computed for constant currents on the linear fake cell. */
class CountersTest {
    private static final double H = 3600;

    @Test
    void capacityAndEnergyCountersFollowTheSampleContract() {
        Harness h = new Harness();
        h.run(P.protocol(P.chargeFor(0.001, 100), P.dischargeFor(0.001, 50), P.chargeFor(0.001, 10)));
        List<Sample> s = h.events.samples();
        assertEquals(6, s.size());
        Sample charged = s.get(1);
        Sample discharged = s.get(3);
        Sample recharged = s.get(5);

        // Charge: V = 3.01 + 0.001·t from the reading right after the command; trapezoids
        // are exact for a line.
        double e1 = 1e-3 * (3.01 * 100 + 0.0005 * 100 * 100) / H;
        // Discharge from OCV 3.1 V: V = 3.09 − 0.001·t.
        double e2 = 1e-3 * (3.09 * 50 - 0.0005 * 50 * 50) / H;
        // Charge again from OCV 3.05 V: V = 3.06 + 0.001·t.
        double e3 = 1e-3 * (3.06 * 10 + 0.0005 * 10 * 10) / H;

        assertEquals(100.0, charged.testTimeSecond());
        assertEquals(1, charged.cycleCount());
        assertEquals(0.1 / H, charged.chargingCapacityAh(), 1e-15);
        assertEquals(0.0, charged.dischargingCapacityAh());
        assertEquals(0.1 / H, charged.stepCapacityAh(), 1e-15);
        assertEquals(0.1 / H, charged.netCapacityAh(), 1e-15);
        assertEquals(0.1 / H, charged.cumulativeCapacityAh(), 1e-15);
        assertEquals(e1, charged.chargingEnergyWh(), 1e-15);
        assertEquals(e1, charged.stepEnergyWh(), 1e-15);
        assertEquals(3.11e-3, charged.powerWatt(), 1e-12);

        assertEquals(150.0, discharged.testTimeSecond());
        assertEquals(1, discharged.cycleCount());
        assertEquals(0.1 / H, discharged.chargingCapacityAh(), 1e-15);
        assertEquals(0.05 / H, discharged.dischargingCapacityAh(), 1e-15);
        assertEquals(0.05 / H, discharged.stepCapacityAh(), 1e-15);
        assertEquals(0.05 / H, discharged.netCapacityAh(), 1e-15);
        assertEquals(0.15 / H, discharged.cumulativeCapacityAh(), 1e-15);
        assertEquals(e1, discharged.chargingEnergyWh(), 1e-15);
        assertEquals(e2, discharged.dischargingEnergyWh(), 1e-15);
        assertEquals(e2, discharged.stepEnergyWh(), 1e-15);
        assertEquals(e1 - e2, discharged.netEnergyWh(), 1e-15);
        assertEquals(e1 + e2, discharged.cumulativeEnergyWh(), 1e-15);
        assertEquals(-3.04e-3, discharged.powerWatt(), 1e-12);

        // A charge after a discharge opens cycle 2; per-cycle counters restart.
        assertEquals(160.0, recharged.testTimeSecond());
        assertEquals(2, recharged.cycleCount());
        assertEquals(0.01 / H, recharged.chargingCapacityAh(), 1e-15);
        assertEquals(0.0, recharged.dischargingCapacityAh());
        assertEquals(0.01 / H, recharged.stepCapacityAh(), 1e-15);
        assertEquals(0.06 / H, recharged.netCapacityAh(), 1e-15);
        assertEquals(0.16 / H, recharged.cumulativeCapacityAh(), 1e-15);
        assertEquals(e3, recharged.chargingEnergyWh(), 1e-15);
        assertEquals(0.0, recharged.dischargingEnergyWh());
        assertEquals(e1 - e2 + e3, recharged.netEnergyWh(), 1e-15);
        assertEquals(e1 + e2 + e3, recharged.cumulativeEnergyWh(), 1e-15);
    }

    @Test
    void theCounterMatchesTheChargeTheCellReceived() {
        Harness h = new Harness();
        h.run(P.protocol(P.hold(3.1, P.time(60)), P.hold(2.95, P.time(60))));
        Sample last = h.events.samples().get(h.events.samples().size() - 1);
        // Trapezoids on a decaying exponential sampled every second: within 0.1 %.
        assertEquals(h.cell.chargeAh(), last.netCapacityAh(), 1e-3 * Math.abs(h.cell.chargeAh()));
    }

    @Test
    void anIntervalThatCrossesZeroIsSplitAtTheCrossing() {
        // +1 A to −1 A over 2 s: 0.5 A·s each way.
        assertEquals(0.5, Counters.positiveArea(1, -1, 2), 1e-15);
        assertEquals(0.5, Counters.positiveArea(1, -1, 2), 1e-15);
        // +3 to −1 over 4 s: crossing at 3 s, 4.5 A·s in, 0.5 A·s out.
        assertEquals(4.5, Counters.positiveArea(3, -1, 4), 1e-15);
        assertEquals(0.5, Counters.positiveArea(1, -3, 4), 1e-15);
        assertEquals(0.0, Counters.positiveArea(-1, -2, 4));
        assertEquals(6.0, Counters.positiveArea(1, 2, 4));

        Counters c = new Counters();
        c.beginStep(StepDirection.NEITHER);
        c.commandChanged(0);
        c.integrate(1, 3.0, 3.0);
        c.integrate(5, 3.0, -1.0);
        // Rectangle 3 A·s, then 4.5 in / 0.5 out.
        assertEquals(7.5 / H, c.chargingAh(), 1e-15);
        assertEquals(0.5 / H, c.dischargingAh(), 1e-15);
        assertEquals(7.0 / H, c.netAh(), 1e-15);
        assertEquals(8.0 / H, c.stepAh(), 1e-15);
    }

    /** One interval of 1 s after {@code command}, read right after it as ({@code volt}, {@code ampere}). */
    private static Counters firstInterval(ChannelCommand command, double volt, double ampere, double v1, double i1) {
        Counters c = new Counters();
        c.beginStep(StepDirection.NEITHER);
        c.commandChanged(0);
        c.restart(0, volt, ampere, command);
        c.integrate(1, v1, i1);
        return c;
    }

    @Test
    void aCurrentStepStartsAtItsSetPointEvenWhenTheReadingAfterTheCommandIsFromBeforeIt() {
        ChannelCommand charge = new ChannelCommand.Current(2e-3, 1.8, 3.8);
        // Fresh reading of the new level: power from its voltage (the I·R step included).
        Counters fresh = firstInterval(charge, 3.48, 2e-3, 3.50, 2e-3);
        assertEquals(2e-3 / H, fresh.chargingAh(), 1e-15);
        assertEquals(2e-3 * (3.48 + 3.50) / 2 / H, fresh.chargingWh(), 1e-15);
        // A status still showing the rest before the command (0 A, the open-circuit voltage):
        // the charge is the set-point's, the power a rectangle at the first sample.
        Counters stale = firstInterval(charge, 3.28, 0, 3.50, 2e-3);
        assertEquals(2e-3 / H, stale.chargingAh(), 1e-15);
        assertEquals(2e-3 * 3.50 / H, stale.chargingWh(), 1e-15);
        // From a discharge to a charge: nothing is counted as discharge.
        Counters reversed = firstInterval(charge, 3.20, -1e-3, 3.50, 2e-3);
        assertEquals(2e-3 / H, reversed.chargingAh(), 1e-15);
        assertEquals(0.0, reversed.dischargingAh());
    }

    @Test
    void aCurrentStepInComplianceStartsAtTheReading() {
        // The cell is already at the charge limit: the source holds 3.8 V and 0.5 mA flows, not 2 mA.
        Counters c = firstInterval(new ChannelCommand.Current(2e-3, 1.8, 3.8), 3.8, 0.5e-3, 3.8, 0.4e-3);
        assertEquals(0.45e-3 / H, c.chargingAh(), 1e-15);
        Counters d = firstInterval(new ChannelCommand.Current(-2e-3, 1.8, 3.8), 1.8, -0.5e-3, 1.8, -0.4e-3);
        assertEquals(0.45e-3 / H, d.dischargingAh(), 1e-15);
    }

    @Test
    void anOpenCircuitStartsAtZeroAndAHoldAtTheReading() {
        // A status still showing the 2 mA of the step before: the rest counts nothing.
        Counters rest = firstInterval(new ChannelCommand.OpenCircuit(), 3.5, 2e-3, 3.3, 0);
        assertEquals(0.0, rest.stepAh());
        assertEquals(0.0, rest.stepWh());
        // A hold's current is the cell's: the trapezoid starts at the reading after the command.
        Counters hold = firstInterval(new ChannelCommand.Voltage(3.7, 5e-3), 3.7, 3e-3, 3.7, 1e-3);
        assertEquals(2e-3 / H, hold.chargingAh(), 1e-15);
        assertEquals(3.7 * 2e-3 / H, hold.chargingWh(), 1e-15);
    }

    @Test
    void cyclesAdvanceOnlyOnAChargeAfterADischarge() {
        Counters c = new Counters();
        StepDirection[] steps = {StepDirection.CHARGE, StepDirection.NEITHER, StepDirection.CHARGE,
                StepDirection.DISCHARGE, StepDirection.NEITHER, StepDirection.DISCHARGE, StepDirection.NEITHER,
                StepDirection.CHARGE, StepDirection.CHARGE, StepDirection.DISCHARGE, StepDirection.CHARGE};
        int[] cycles = {1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3};
        for (int i = 0; i < steps.length; i++) {
            c.beginStep(steps[i]);
            assertEquals(cycles[i], c.cycleCount(), "step " + (i + 1));
            assertEquals(i + 1, c.stepCount());
        }
    }
}
