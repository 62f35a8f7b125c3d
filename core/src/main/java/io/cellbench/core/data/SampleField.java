package io.cellbench.core.data;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a cell's time series ({@code samples.arrows}, CSV and BDF exports, InfluxDB
 * sample fields), in file order: one row per {@link Sample}, named and labelled as the Battery
 * Data Format 1.3.0 defines them (checked against the ontology's schema.json by BdfSchemaTest).
 * The time, counter and condition columns are shared by the cycle and spectrum tables. Current
 * and power are positive on charge.
 *
 * <p>A column BDF 1.3 renamed keeps its older name as an alias (files written before still
 * read) and as its {@link BdfVersion#V1_2} term, the name an export for older readers writes
 * ({@link #columns(BdfVersion)}); columns 1.3 added are left out of such an export.
 *
 * <p>A new sample column is a constant here (in its place in file order), a component of
 * {@link Sample}, its line in {@link #sample} and its line in {@link #values}.
 */
public enum SampleField implements DataColumn<Sample> {
    TEST_TIME(ColumnTerm.bdf("test_time_second", "s", "Test Time / s"), float64(Sample::testTimeSecond)),
    UNIX_TIME(ColumnTerm.bdf("unix_time_second", "s", "Unix Time / s"), float64(Sample::unixTimeSecond)),
    VOLTAGE(ColumnTerm.bdf("voltage_volt", "V", "Voltage / V"), float64(Sample::voltageVolt)),
    CURRENT(ColumnTerm.bdf("current_ampere", "A", "Current / A"), float64(Sample::currentAmpere)),
    CYCLE_COUNT(ColumnTerm.bdf("cycle_count", "1", "Cycle Count / 1"), int32(Sample::cycleCount)),
    STEP_COUNT(ColumnTerm.bdf("step_count", "1", "Step Count / 1"), int32(Sample::stepCount)),
    /** The step's position in the protocol; BDF before 1.3 called it Step Index (a name 1.3 gives the record counter). */
    STEP_ID(ColumnTerm.bdf("step_id", "", "Step ID").alsoKnownAs("step_index"), int32(Sample::stepIndex),
            ColumnTerm.bdf("step_index", "1", "Step Index / 1")),
    STEP_RECORD_INDEX(ColumnTerm.bdf("step_record_index", "1", "Step Record Index / 1"),
            int32(Sample::stepRecordIndex), null),
    CHARGING_CAPACITY(ColumnTerm.bdf("charging_capacity_ah", "Ah", "Charging Capacity / Ah"),
            float64(Sample::totalChargingCapacityAh), null),
    DISCHARGING_CAPACITY(ColumnTerm.bdf("discharging_capacity_ah", "Ah", "Discharging Capacity / Ah"),
            float64(Sample::totalDischargingCapacityAh), null),
    CYCLE_CHARGING_CAPACITY(ColumnTerm.bdf("cycle_charging_capacity_ah", "Ah", "Cycle Charging Capacity / Ah")
            .alsoKnownAs("charging_capacity_ah"), float64(Sample::chargingCapacityAh),
            ColumnTerm.bdf("charging_capacity_ah", "Ah", "Charging Capacity / Ah")),
    CYCLE_DISCHARGING_CAPACITY(ColumnTerm.bdf("cycle_discharging_capacity_ah", "Ah", "Cycle Discharging Capacity / Ah")
            .alsoKnownAs("discharging_capacity_ah"), float64(Sample::dischargingCapacityAh),
            ColumnTerm.bdf("discharging_capacity_ah", "Ah", "Discharging Capacity / Ah")),
    /** Throughput of the step (charge plus discharge), not its net charge. */
    STEP_CUMULATIVE_CAPACITY(ColumnTerm.bdf("step_cumulative_capacity_ah", "Ah", "Step Cumulative Capacity / Ah")
            .alsoKnownAs("step_capacity_ah"), float64(Sample::stepCapacityAh),
            ColumnTerm.bdf("step_capacity_ah", "Ah", "Step Capacity / Ah")),
    NET_CAPACITY(ColumnTerm.bdf("net_capacity_ah", "Ah", "Net Capacity / Ah"), float64(Sample::netCapacityAh)),
    CUMULATIVE_CAPACITY(ColumnTerm.bdf("cumulative_capacity_ah", "Ah", "Cumulative Capacity / Ah"),
            float64(Sample::cumulativeCapacityAh)),
    CHARGING_ENERGY(ColumnTerm.bdf("charging_energy_wh", "Wh", "Charging Energy / Wh"),
            float64(Sample::totalChargingEnergyWh), null),
    DISCHARGING_ENERGY(ColumnTerm.bdf("discharging_energy_wh", "Wh", "Discharging Energy / Wh"),
            float64(Sample::totalDischargingEnergyWh), null),
    CYCLE_CHARGING_ENERGY(ColumnTerm.bdf("cycle_charging_energy_wh", "Wh", "Cycle Charging Energy / Wh")
            .alsoKnownAs("charging_energy_wh"), float64(Sample::chargingEnergyWh),
            ColumnTerm.bdf("charging_energy_wh", "Wh", "Charging Energy / Wh")),
    CYCLE_DISCHARGING_ENERGY(ColumnTerm.bdf("cycle_discharging_energy_wh", "Wh", "Cycle Discharging Energy / Wh")
            .alsoKnownAs("discharging_energy_wh"), float64(Sample::dischargingEnergyWh),
            ColumnTerm.bdf("discharging_energy_wh", "Wh", "Discharging Energy / Wh")),
    STEP_CUMULATIVE_ENERGY(ColumnTerm.bdf("step_cumulative_energy_wh", "Wh", "Step Cumulative Energy / Wh")
            .alsoKnownAs("step_energy_wh"), float64(Sample::stepEnergyWh),
            ColumnTerm.bdf("step_energy_wh", "Wh", "Step Energy / Wh")),
    NET_ENERGY(ColumnTerm.bdf("net_energy_wh", "Wh", "Net Energy / Wh"), float64(Sample::netEnergyWh)),
    CUMULATIVE_ENERGY(ColumnTerm.bdf("cumulative_energy_wh", "Wh", "Cumulative Energy / Wh"),
            float64(Sample::cumulativeEnergyWh)),
    POWER(ColumnTerm.bdf("power_watt", "W", "Power / W"), float64(Sample::powerWatt)),
    APPLIED_PRESSURE(ColumnTerm.bdf("applied_pressure_pa", "Pa", "Applied Pressure / Pa"),
            float64(Sample::appliedPressurePa)),
    AMBIENT_TEMPERATURE(ColumnTerm.bdf("ambient_temperature_celsius", "degC", "Ambient Temperature / degC"),
            float64(Sample::ambientTemperatureCelsius));

    private final Definition<Sample> definition;
    /** What BDF 1.2 calls the column: its own term when unchanged, null when 1.2 has no such column. */
    private final ColumnTerm v12;

    SampleField(ColumnTerm term, ColumnValue<Sample> value) {
        this(term, value, term);
    }

    SampleField(ColumnTerm term, ColumnValue<Sample> value, ColumnTerm v12) {
        definition = new Definition<>(term, value);
        this.v12 = v12;
    }

    @Override
    public Definition<Sample> definition() {
        return definition;
    }

    /** What {@code version} calls this column, or {@code null} when that version has no such column. */
    public ColumnTerm term(BdfVersion version) {
        return version == BdfVersion.LATEST ? term() : v12;
    }

    /** The columns of an export following {@code version}, in file order. */
    public static List<DataColumn<Sample>> columns(BdfVersion version) {
        List<DataColumn<Sample>> columns = new ArrayList<>();
        for (SampleField f : values()) {
            if (version == BdfVersion.LATEST) {
                columns.add(f);
            } else if (f.v12 == f.term()) {
                columns.add(f);
            } else if (f.v12 != null) {
                columns.add(DataColumn.of(f.v12, f.value()));
            }
        }
        return columns;
    }

    /**
     * Every column's value of {@code s} in file order (the constants' order) into {@code values},
     * int32 ones as doubles (which hold every int exactly): one call for a writer of every column,
     * where a call through each column's definition (25 lambdas behind one call site, which the
     * JIT cannot inline) was the largest part of an import's writing (docs/import.md).
     * SampleValuesTest checks it against the definitions.
     */
    public static void values(Sample s, double[] values) {
        values[0] = s.testTimeSecond();
        values[1] = s.unixTimeSecond();
        values[2] = s.voltageVolt();
        values[3] = s.currentAmpere();
        values[4] = s.cycleCount();
        values[5] = s.stepCount();
        values[6] = s.stepIndex();
        values[7] = s.stepRecordIndex();
        values[8] = s.totalChargingCapacityAh();
        values[9] = s.totalDischargingCapacityAh();
        values[10] = s.chargingCapacityAh();
        values[11] = s.dischargingCapacityAh();
        values[12] = s.stepCapacityAh();
        values[13] = s.netCapacityAh();
        values[14] = s.cumulativeCapacityAh();
        values[15] = s.totalChargingEnergyWh();
        values[16] = s.totalDischargingEnergyWh();
        values[17] = s.chargingEnergyWh();
        values[18] = s.dischargingEnergyWh();
        values[19] = s.stepEnergyWh();
        values[20] = s.netEnergyWh();
        values[21] = s.cumulativeEnergyWh();
        values[22] = s.powerWatt();
        values[23] = s.appliedPressurePa();
        values[24] = s.ambientTemperatureCelsius();
    }

    /**
     * The sample a row holds: the one mapping from columns back to {@link Sample}. A row written
     * before BDF 1.3 has no Step Record Index (it reads 0) and per-cycle values under the names
     * 1.3 gives the running totals: the totals then follow from throughput and net, whose
     * meaning did not change (charge = (throughput + net) / 2).
     */
    public static Sample sample(ColumnSource in) {
        int recordIndex = in.integer(STEP_RECORD_INDEX);
        boolean before13 = recordIndex == 0;
        double cumulativeAh = in.number(CUMULATIVE_CAPACITY);
        double netAh = in.number(NET_CAPACITY);
        double cumulativeWh = in.number(CUMULATIVE_ENERGY);
        double netWh = in.number(NET_ENERGY);
        return new Sample(in.number(TEST_TIME), in.number(UNIX_TIME), in.number(VOLTAGE), in.number(CURRENT),
                in.integer(CYCLE_COUNT), in.integer(STEP_COUNT), in.integer(STEP_ID),
                in.number(CYCLE_CHARGING_CAPACITY), in.number(CYCLE_DISCHARGING_CAPACITY),
                in.number(STEP_CUMULATIVE_CAPACITY), netAh, cumulativeAh, in.number(CYCLE_CHARGING_ENERGY),
                in.number(CYCLE_DISCHARGING_ENERGY), in.number(STEP_CUMULATIVE_ENERGY), netWh, cumulativeWh,
                in.number(POWER), in.number(APPLIED_PRESSURE), in.number(AMBIENT_TEMPERATURE), recordIndex,
                before13 ? (cumulativeAh + netAh) / 2 : in.number(CHARGING_CAPACITY),
                before13 ? (cumulativeAh - netAh) / 2 : in.number(DISCHARGING_CAPACITY),
                before13 ? (cumulativeWh + netWh) / 2 : in.number(CHARGING_ENERGY),
                before13 ? (cumulativeWh - netWh) / 2 : in.number(DISCHARGING_ENERGY));
    }
}
