package io.cellbench.core.data;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

/**
 * The columns of the per-cycle summary ({@code cycles.arrows}, {@code cycles.csv}, InfluxDB
 * cycle points), in file order: one row per {@link CycleSummary}. The Battery Data Format
 * defines no per-cycle table; the names follow its style. Efficiencies are fractions (unit "1").
 *
 * <p>A new cycle column is a constant here, a component
 * of {@link CycleSummary}, its line in {@link #summary} and its computation in CycleStatistics.
 */
public enum CycleField implements DataColumn<CycleSummary> {
    CYCLE_COUNT(SampleField.CYCLE_COUNT.term(), int32(CycleSummary::cycleCount)),
    START_TEST_TIME(ColumnTerm.own("start_test_time_second", "s", "Start Test Time / s"),
            float64(CycleSummary::startTestTimeSecond)),
    DURATION(ColumnTerm.own("duration_second", "s", "Duration / s"), float64(CycleSummary::durationSecond)),
    CHARGE_CAPACITY(ColumnTerm.own("charge_capacity_ah", "Ah", "Charge Capacity / Ah"),
            float64(CycleSummary::chargeCapacityAh)),
    DISCHARGE_CAPACITY(ColumnTerm.own("discharge_capacity_ah", "Ah", "Discharge Capacity / Ah"),
            float64(CycleSummary::dischargeCapacityAh)),
    CHARGE_ENERGY(ColumnTerm.own("charge_energy_wh", "Wh", "Charge Energy / Wh"), float64(CycleSummary::chargeEnergyWh)),
    DISCHARGE_ENERGY(ColumnTerm.own("discharge_energy_wh", "Wh", "Discharge Energy / Wh"),
            float64(CycleSummary::dischargeEnergyWh)),
    COULOMBIC_EFFICIENCY(ColumnTerm.own("coulombic_efficiency", "1", "Coulombic Efficiency / 1"),
            float64(CycleSummary::coulombicEfficiency)),
    ENERGY_EFFICIENCY(ColumnTerm.own("energy_efficiency", "1", "Energy Efficiency / 1"),
            float64(CycleSummary::energyEfficiency)),
    MEAN_CHARGE_VOLTAGE(ColumnTerm.own("mean_charge_voltage_volt", "V", "Mean Charge Voltage / V"),
            float64(CycleSummary::meanChargeVoltageVolt)),
    MEAN_DISCHARGE_VOLTAGE(ColumnTerm.own("mean_discharge_voltage_volt", "V", "Mean Discharge Voltage / V"),
            float64(CycleSummary::meanDischargeVoltageVolt)),
    END_CHARGE_VOLTAGE(ColumnTerm.own("end_charge_voltage_volt", "V", "End Charge Voltage / V"),
            float64(CycleSummary::endChargeVoltageVolt)),
    END_DISCHARGE_VOLTAGE(ColumnTerm.own("end_discharge_voltage_volt", "V", "End Discharge Voltage / V"),
            float64(CycleSummary::endDischargeVoltageVolt)),
    MINIMUM_VOLTAGE(ColumnTerm.own("minimum_voltage_volt", "V", "Minimum Voltage / V"),
            float64(CycleSummary::minimumVoltageVolt)),
    MAXIMUM_VOLTAGE(ColumnTerm.own("maximum_voltage_volt", "V", "Maximum Voltage / V"),
            float64(CycleSummary::maximumVoltageVolt)),
    /** R0 of the equivalent circuit fitted to the cycle's last impedance sweep: the electrolyte's bulk. */
    BULK_RESISTANCE(ColumnTerm.own("r_bulk_ohm", "Ohm", "R_bulk / Ohm"), float64(CycleSummary::bulkResistanceOhm)),
    /** R1 of that fit: the electrolyte's grain boundaries. */
    GRAIN_BOUNDARY_RESISTANCE(ColumnTerm.own("r_gb_ohm", "Ohm", "R_gb / Ohm"),
            float64(CycleSummary::grainBoundaryResistanceOhm)),
    /** R2 of that fit: the cathode interface. */
    INTERFACE_RESISTANCE(ColumnTerm.own("r_int_ohm", "Ohm", "R_int / Ohm"), float64(CycleSummary::interfaceResistanceOhm));

    private final Definition<CycleSummary> definition;

    CycleField(ColumnTerm term, ColumnValue<CycleSummary> value) {
        definition = new Definition<>(term, value);
    }

    @Override
    public Definition<CycleSummary> definition() {
        return definition;
    }

    /** The summary a row holds: the one mapping from columns back to {@link CycleSummary}. */
    public static CycleSummary summary(ColumnSource in) {
        return new CycleSummary(in.integer(CYCLE_COUNT), in.number(START_TEST_TIME), in.number(DURATION),
                in.number(CHARGE_CAPACITY), in.number(DISCHARGE_CAPACITY), in.number(CHARGE_ENERGY),
                in.number(DISCHARGE_ENERGY), in.number(COULOMBIC_EFFICIENCY), in.number(ENERGY_EFFICIENCY),
                in.number(MEAN_CHARGE_VOLTAGE), in.number(MEAN_DISCHARGE_VOLTAGE), in.number(END_CHARGE_VOLTAGE),
                in.number(END_DISCHARGE_VOLTAGE), in.number(MINIMUM_VOLTAGE), in.number(MAXIMUM_VOLTAGE),
                in.number(BULK_RESISTANCE), in.number(GRAIN_BOUNDARY_RESISTANCE), in.number(INTERFACE_RESISTANCE));
    }
}
