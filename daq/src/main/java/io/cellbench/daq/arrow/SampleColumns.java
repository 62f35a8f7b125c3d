package io.cellbench.daq.arrow;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code samples.arrows}: one row per {@link io.cellbench.core.data.Sample},
 * named and labelled as the Battery Data Format defines them (labels checked against
 * battery-data-alliance/battery-data-format README). Current and power are positive on charge.
 */
public final class SampleColumns {

    public static final Column TEST_TIME = Column.float64("test_time_second", "s", "Test Time / s", true);
    public static final Column UNIX_TIME = Column.float64("unix_time_second", "s", "Unix Time / s", true);
    public static final Column VOLTAGE = Column.float64("voltage_volt", "V", "Voltage / V", true);
    public static final Column CURRENT = Column.float64("current_ampere", "A", "Current / A", true);
    public static final Column CYCLE_COUNT = Column.int32("cycle_count", "Cycle Count / 1", true);
    public static final Column STEP_COUNT = Column.int32("step_count", "Step Count / 1", true);
    public static final Column STEP_INDEX = Column.int32("step_index", "Step Index / 1", true);
    public static final Column CHARGING_CAPACITY =
            Column.float64("charging_capacity_ah", "Ah", "Charging Capacity / Ah", true);
    public static final Column DISCHARGING_CAPACITY =
            Column.float64("discharging_capacity_ah", "Ah", "Discharging Capacity / Ah", true);
    public static final Column STEP_CAPACITY = Column.float64("step_capacity_ah", "Ah", "Step Capacity / Ah", true);
    public static final Column NET_CAPACITY = Column.float64("net_capacity_ah", "Ah", "Net Capacity / Ah", true);
    public static final Column CUMULATIVE_CAPACITY =
            Column.float64("cumulative_capacity_ah", "Ah", "Cumulative Capacity / Ah", true);
    public static final Column CHARGING_ENERGY =
            Column.float64("charging_energy_wh", "Wh", "Charging Energy / Wh", true);
    public static final Column DISCHARGING_ENERGY =
            Column.float64("discharging_energy_wh", "Wh", "Discharging Energy / Wh", true);
    public static final Column STEP_ENERGY = Column.float64("step_energy_wh", "Wh", "Step Energy / Wh", true);
    public static final Column NET_ENERGY = Column.float64("net_energy_wh", "Wh", "Net Energy / Wh", true);
    public static final Column CUMULATIVE_ENERGY =
            Column.float64("cumulative_energy_wh", "Wh", "Cumulative Energy / Wh", true);
    public static final Column POWER = Column.float64("power_watt", "W", "Power / W", true);
    public static final Column APPLIED_PRESSURE =
            Column.float64("applied_pressure_pa", "Pa", "Applied Pressure / Pa", true);
    public static final Column AMBIENT_TEMPERATURE =
            Column.float64("ambient_temperature_celsius", "degC", "Ambient Temperature / degC", true);

    /** In file order. */
    public static final List<Column> ALL = List.of(
            TEST_TIME, UNIX_TIME, VOLTAGE, CURRENT, CYCLE_COUNT, STEP_COUNT, STEP_INDEX,
            CHARGING_CAPACITY, DISCHARGING_CAPACITY, STEP_CAPACITY, NET_CAPACITY, CUMULATIVE_CAPACITY,
            CHARGING_ENERGY, DISCHARGING_ENERGY, STEP_ENERGY, NET_ENERGY, CUMULATIVE_ENERGY,
            POWER, APPLIED_PRESSURE, AMBIENT_TEMPERATURE);

    private SampleColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
