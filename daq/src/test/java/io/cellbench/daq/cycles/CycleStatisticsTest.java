package io.cellbench.daq.cycles;

import static io.cellbench.daq.testing.Samples.cycling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected values below are worked out by hand from the sample counters in each test. */
class CycleStatisticsTest {

    private static final double EPS = 1e-12;

    /**
     * Cycle 1: charge at 1 mA from 3.0 V to 4.2 V (1.0 mAh, 3.8 mWh), rest, discharge to 3.0 V
     * (0.9 mAh, 3.2 mWh), rest. Cycle 2 starts with a charge at t = 7200 s.
     */
    private static final List<Sample> CYCLE_1 = List.of(
            cycling(0, 3.00, 0.001, 1, 0, 0, 0, 0),
            cycling(1800, 3.80, 0.001, 1, 0.0005, 0, 0.0018, 0),
            cycling(3600, 4.20, 0.001, 1, 0.0010, 0, 0.0038, 0),
            cycling(3700, 4.10, 0, 1, 0.0010, 0, 0.0038, 0),
            cycling(3800, 3.90, -0.001, 1, 0.0010, 0, 0.0038, 0),
            cycling(5400, 3.60, -0.001, 1, 0.0010, 0.00045, 0.0038, 0.0017),
            cycling(7000, 3.00, -0.001, 1, 0.0010, 0.0009, 0.0038, 0.0032),
            cycling(7100, 3.20, 0, 1, 0.0010, 0.0009, 0.0038, 0.0032));

    private static final List<Sample> CYCLE_2_CHARGE_ONLY = List.of(
            cycling(7200, 3.25, 0.001, 2, 0, 0, 0, 0),
            cycling(9000, 4.00, 0.001, 2, 0.0005, 0, 0.0019, 0));

    @Test
    void aFullCycleIsSummarisedWhenTheNextOneBegins() {
        CycleStatistics stats = new CycleStatistics();
        for (Sample s : CYCLE_1) {
            assertEquals(Optional.empty(), stats.add(s));
        }
        CycleSummary c = stats.add(CYCLE_2_CHARGE_ONLY.getFirst()).orElseThrow();

        assertEquals(1, c.cycleCount());
        assertEquals(0.0, c.startTestTimeSecond());
        assertEquals(7100.0, c.durationSecond(), EPS);
        assertEquals(0.0010, c.chargeCapacityAh(), EPS);
        assertEquals(0.0009, c.dischargeCapacityAh(), EPS);
        assertEquals(0.0038, c.chargeEnergyWh(), EPS);
        assertEquals(0.0032, c.dischargeEnergyWh(), EPS);
        assertEquals(0.9, c.coulombicEfficiency(), EPS);                // 0.9 / 1.0
        assertEquals(0.8421052631578947, c.energyEfficiency(), EPS);    // 3.2 / 3.8
        assertEquals(3.8, c.meanChargeVoltageVolt(), EPS);              // 3.8 mWh / 1.0 mAh
        assertEquals(3.5555555555555554, c.meanDischargeVoltageVolt(), EPS); // 3.2 / 0.9
        assertEquals(4.2, c.endChargeVoltageVolt(), EPS);   // last positive current, not the 4.1 V rest
        assertEquals(3.0, c.endDischargeVoltageVolt(), EPS); // last negative current, not the 3.2 V rest
    }

    @Test
    void finishClosesTheCycleInProgressAndAMissingHalfGivesNaN() {
        CycleStatistics stats = new CycleStatistics();
        List<CycleSummary> summaries = new ArrayList<>();
        for (Sample s : CYCLE_1) {
            stats.add(s).ifPresent(summaries::add);
        }
        for (Sample s : CYCLE_2_CHARGE_ONLY) {
            stats.add(s).ifPresent(summaries::add);
        }
        stats.finish().ifPresent(summaries::add);
        assertEquals(2, summaries.size());

        CycleSummary c = summaries.get(1);
        assertEquals(2, c.cycleCount());
        assertEquals(7200.0, c.startTestTimeSecond());
        assertEquals(1800.0, c.durationSecond(), EPS);
        assertEquals(0.0005, c.chargeCapacityAh(), EPS);
        assertEquals(0.0, c.dischargeCapacityAh());
        assertEquals(3.8, c.meanChargeVoltageVolt(), EPS); // 1.9 mWh / 0.5 mAh
        assertEquals(4.0, c.endChargeVoltageVolt(), EPS);
        assertTrue(Double.isNaN(c.coulombicEfficiency()));
        assertTrue(Double.isNaN(c.energyEfficiency()));
        assertTrue(Double.isNaN(c.meanDischargeVoltageVolt()));
        assertTrue(Double.isNaN(c.endDischargeVoltageVolt()));

        assertEquals(Optional.empty(), stats.finish(), "nothing left after finish");
    }

    @Test
    void aDischargeOnlyFirstCycleHasNoChargeFigures() {
        // Arbin convention: a test that starts with a discharge stays in cycle 1 until a charge follows it.
        CycleStatistics stats = new CycleStatistics();
        stats.add(cycling(0, 3.70, -0.002, 1, 0, 0, 0, 0));
        stats.add(cycling(600, 3.40, -0.002, 1, 0, 0.000333, 0, 0.0011655));
        CycleSummary c = stats.add(cycling(700, 3.45, 0.002, 2, 0, 0, 0, 0)).orElseThrow();

        assertEquals(1, c.cycleCount());
        assertEquals(600.0, c.durationSecond(), EPS);
        assertEquals(0.000333, c.dischargeCapacityAh(), EPS);
        assertEquals(3.5, c.meanDischargeVoltageVolt(), EPS); // 1.1655 mWh / 0.333 mAh
        assertEquals(3.4, c.endDischargeVoltageVolt(), EPS);
        assertTrue(Double.isNaN(c.coulombicEfficiency()));
        assertTrue(Double.isNaN(c.meanChargeVoltageVolt()));
        assertTrue(Double.isNaN(c.endChargeVoltageVolt()));
    }

    @Test
    void endVoltagesDoNotLeakIntoTheNextCycle() {
        CycleStatistics stats = new CycleStatistics();
        CYCLE_1.forEach(stats::add);
        stats.add(cycling(7200, 3.30, 0, 2, 0, 0, 0, 0)); // cycle 2 opens with a rest
        CycleSummary c = stats.finish().orElseThrow();
        assertEquals(2, c.cycleCount());
        assertEquals(0.0, c.durationSecond());
        assertTrue(Double.isNaN(c.endChargeVoltageVolt()));
        assertTrue(Double.isNaN(c.endDischargeVoltageVolt()));
    }

    @Test
    void currentPreviewsTheOpenCycleWithoutClosingIt() {
        CycleStatistics stats = new CycleStatistics();
        assertEquals(Optional.empty(), stats.current());
        stats.add(CYCLE_1.get(0));
        stats.add(CYCLE_1.get(1));
        assertEquals(0.0005, stats.current().orElseThrow().chargeCapacityAh(), EPS);
        stats.add(CYCLE_1.get(2));
        assertEquals(0.0010, stats.finish().orElseThrow().chargeCapacityAh(), EPS);
    }

    @Test
    void unmeasuredRestSamplesOfARelayOpenRestLeaveTheSummaryMeasured() {
        // rest: open-relay records its rests with NaN V at 0 A; the end voltages come from
        // samples with current, so the summary is the one of the measured rests
        CycleStatistics stats = relayOpenRests();
        CycleSummary c = stats.finish().orElseThrow();
        assertEquals(4.2, c.endChargeVoltageVolt(), EPS);
        assertEquals(3.0, c.endDischargeVoltageVolt(), EPS);
        assertEquals(3.8, c.meanChargeVoltageVolt(), EPS);
        assertEquals(3.5555555555555554, c.meanDischargeVoltageVolt(), EPS);
        assertEquals(0.8421052631578947, c.energyEfficiency(), EPS);
    }

    @Test
    void minimumAndMaximumVoltageOfEachCycleJoinTheSummaryAndIgnoreUnmeasuredRests() {
        CycleStatistics stats = relayOpenRests();
        CycleSummary cycle1 = stats.add(CYCLE_2_CHARGE_ONLY.getFirst()).orElseThrow();
        stats.add(CYCLE_2_CHARGE_ONLY.get(1));
        CycleSummary cycle2 = stats.finish().orElseThrow();
        // by column name, as cycles.arrows, cycles.csv and InfluxDB carry them
        assertEquals(3.0, column("minimum_voltage_volt", cycle1), EPS);
        assertEquals(4.2, column("maximum_voltage_volt", cycle1), EPS);
        assertEquals(3.25, column("minimum_voltage_volt", cycle2), EPS);
        assertEquals(4.0, column("maximum_voltage_volt", cycle2), EPS);
    }

    private static double column(String name, CycleSummary summary) {
        return java.util.Arrays.stream(io.cellbench.core.data.CycleField.values())
                .filter(f -> f.columnName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the cycle summary has no column " + name))
                .number(summary);
    }

    /** Cycle 1 as a cycler with {@code rest: open-relay} records it: its rests with NaN V at 0 A. */
    private static CycleStatistics relayOpenRests() {
        CycleStatistics stats = new CycleStatistics();
        for (Sample s : CYCLE_1) {
            stats.add(s.currentAmpere() == 0 ? cycling(s.testTimeSecond(), Double.NaN, 0, 1, s.chargingCapacityAh(),
                    s.dischargingCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh()) : s);
        }
        return stats;
    }
}
