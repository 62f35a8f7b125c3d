package io.cellbench.core.data;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

/**
 * The columns of a cell's time series ({@code samples.arrows}, CSV and BDF exports, InfluxDB
 * sample fields), in file order: one row per {@link Sample}, named and labelled as the Battery
 * Data Format defines them (labels checked against battery-data-alliance/battery-data-format's
 * README). The time, counter and condition columns are shared by the cycle and spectrum tables.
 * Current and power are positive on charge.
 *
 * <p>A new sample column is a constant here (in its place in file order), a component of
 * {@link Sample} and its line in {@link #sample}.
 */
public enum SampleField implements DataColumn<Sample> {
    TEST_TIME(ColumnTerm.bdf("test_time_second", "s", "Test Time / s"), float64(Sample::testTimeSecond)),
    UNIX_TIME(ColumnTerm.bdf("unix_time_second", "s", "Unix Time / s"), float64(Sample::unixTimeSecond)),
    VOLTAGE(ColumnTerm.bdf("voltage_volt", "V", "Voltage / V"), float64(Sample::voltageVolt)),
    CURRENT(ColumnTerm.bdf("current_ampere", "A", "Current / A"), float64(Sample::currentAmpere)),
    CYCLE_COUNT(ColumnTerm.bdf("cycle_count", "1", "Cycle Count / 1"), int32(Sample::cycleCount)),
    STEP_COUNT(ColumnTerm.bdf("step_count", "1", "Step Count / 1"), int32(Sample::stepCount)),
    STEP_INDEX(ColumnTerm.bdf("step_index", "1", "Step Index / 1"), int32(Sample::stepIndex)),
    CHARGING_CAPACITY(ColumnTerm.bdf("charging_capacity_ah", "Ah", "Charging Capacity / Ah"),
            float64(Sample::chargingCapacityAh)),
    DISCHARGING_CAPACITY(ColumnTerm.bdf("discharging_capacity_ah", "Ah", "Discharging Capacity / Ah"),
            float64(Sample::dischargingCapacityAh)),
    STEP_CAPACITY(ColumnTerm.bdf("step_capacity_ah", "Ah", "Step Capacity / Ah"), float64(Sample::stepCapacityAh)),
    NET_CAPACITY(ColumnTerm.bdf("net_capacity_ah", "Ah", "Net Capacity / Ah"), float64(Sample::netCapacityAh)),
    CUMULATIVE_CAPACITY(ColumnTerm.bdf("cumulative_capacity_ah", "Ah", "Cumulative Capacity / Ah"),
            float64(Sample::cumulativeCapacityAh)),
    CHARGING_ENERGY(ColumnTerm.bdf("charging_energy_wh", "Wh", "Charging Energy / Wh"),
            float64(Sample::chargingEnergyWh)),
    DISCHARGING_ENERGY(ColumnTerm.bdf("discharging_energy_wh", "Wh", "Discharging Energy / Wh"),
            float64(Sample::dischargingEnergyWh)),
    STEP_ENERGY(ColumnTerm.bdf("step_energy_wh", "Wh", "Step Energy / Wh"), float64(Sample::stepEnergyWh)),
    NET_ENERGY(ColumnTerm.bdf("net_energy_wh", "Wh", "Net Energy / Wh"), float64(Sample::netEnergyWh)),
    CUMULATIVE_ENERGY(ColumnTerm.bdf("cumulative_energy_wh", "Wh", "Cumulative Energy / Wh"),
            float64(Sample::cumulativeEnergyWh)),
    POWER(ColumnTerm.bdf("power_watt", "W", "Power / W"), float64(Sample::powerWatt)),
    APPLIED_PRESSURE(ColumnTerm.bdf("applied_pressure_pa", "Pa", "Applied Pressure / Pa"),
            float64(Sample::appliedPressurePa)),
    AMBIENT_TEMPERATURE(ColumnTerm.bdf("ambient_temperature_celsius", "degC", "Ambient Temperature / degC"),
            float64(Sample::ambientTemperatureCelsius));

    private final Definition<Sample> definition;

    SampleField(ColumnTerm term, ColumnValue<Sample> value) {
        definition = new Definition<>(term, value);
    }

    @Override
    public Definition<Sample> definition() {
        return definition;
    }

    /** The sample a row holds: the one mapping from columns back to {@link Sample}. */
    public static Sample sample(ColumnSource in) {
        return new Sample(in.number(TEST_TIME), in.number(UNIX_TIME), in.number(VOLTAGE), in.number(CURRENT),
                in.integer(CYCLE_COUNT), in.integer(STEP_COUNT), in.integer(STEP_INDEX),
                in.number(CHARGING_CAPACITY), in.number(DISCHARGING_CAPACITY), in.number(STEP_CAPACITY),
                in.number(NET_CAPACITY), in.number(CUMULATIVE_CAPACITY), in.number(CHARGING_ENERGY),
                in.number(DISCHARGING_ENERGY), in.number(STEP_ENERGY), in.number(NET_ENERGY),
                in.number(CUMULATIVE_ENERGY), in.number(POWER), in.number(APPLIED_PRESSURE),
                in.number(AMBIENT_TEMPERATURE));
    }
}
