package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleSummary;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code cycles.arrows} and {@code cycles.csv}: one row per
 * {@link io.cellbench.core.data.CycleSummary}. The Battery Data Format defines no per-cycle
 * table; names and labels follow its style. Efficiencies are fractions (unit "1").
 */
public final class CycleColumns {

    public static final Column CYCLE_COUNT = SampleColumns.CYCLE_COUNT;
    public static final Column START_TEST_TIME =
            Column.float64("start_test_time_second", "s", "Start Test Time / s", false);
    public static final Column DURATION = Column.float64("duration_second", "s", "Duration / s", false);
    public static final Column CHARGE_CAPACITY =
            Column.float64("charge_capacity_ah", "Ah", "Charge Capacity / Ah", false);
    public static final Column DISCHARGE_CAPACITY =
            Column.float64("discharge_capacity_ah", "Ah", "Discharge Capacity / Ah", false);
    public static final Column CHARGE_ENERGY = Column.float64("charge_energy_wh", "Wh", "Charge Energy / Wh", false);
    public static final Column DISCHARGE_ENERGY =
            Column.float64("discharge_energy_wh", "Wh", "Discharge Energy / Wh", false);
    public static final Column COULOMBIC_EFFICIENCY =
            Column.float64("coulombic_efficiency", "1", "Coulombic Efficiency / 1", false);
    public static final Column ENERGY_EFFICIENCY =
            Column.float64("energy_efficiency", "1", "Energy Efficiency / 1", false);
    public static final Column MEAN_CHARGE_VOLTAGE =
            Column.float64("mean_charge_voltage_volt", "V", "Mean Charge Voltage / V", false);
    public static final Column MEAN_DISCHARGE_VOLTAGE =
            Column.float64("mean_discharge_voltage_volt", "V", "Mean Discharge Voltage / V", false);
    public static final Column END_CHARGE_VOLTAGE =
            Column.float64("end_charge_voltage_volt", "V", "End Charge Voltage / V", false);
    public static final Column END_DISCHARGE_VOLTAGE =
            Column.float64("end_discharge_voltage_volt", "V", "End Discharge Voltage / V", false);

    /** In file order (the same in cycles.arrows and cycles.csv). */
    public static final List<Column> ALL = List.of(
            CYCLE_COUNT, START_TEST_TIME, DURATION, CHARGE_CAPACITY, DISCHARGE_CAPACITY,
            CHARGE_ENERGY, DISCHARGE_ENERGY, COULOMBIC_EFFICIENCY, ENERGY_EFFICIENCY,
            MEAN_CHARGE_VOLTAGE, MEAN_DISCHARGE_VOLTAGE, END_CHARGE_VOLTAGE, END_DISCHARGE_VOLTAGE);

    private CycleColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }

    /** The floating-point columns of a summary (every column but cycle_count), in file order. */
    public static double[] values(CycleSummary c) {
        return new double[] {
            c.startTestTimeSecond(), c.durationSecond(), c.chargeCapacityAh(), c.dischargeCapacityAh(),
            c.chargeEnergyWh(), c.dischargeEnergyWh(), c.coulombicEfficiency(), c.energyEfficiency(),
            c.meanChargeVoltageVolt(), c.meanDischargeVoltageVolt(), c.endChargeVoltageVolt(),
            c.endDischargeVoltageVolt()};
    }

    /** The inverse of {@link #values}. */
    public static CycleSummary summary(int cycleCount, double[] v) {
        return new CycleSummary(cycleCount, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }
}
