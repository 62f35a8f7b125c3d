package io.cellbench.cli;

import io.cellbench.cli.format.Column;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The per-cycle summary as printed by {@code demo} and {@code data cycles}. The table shows
 * mAh, mWh, % and hours for people; CSV and JSON keep SI units and fractions under the
 * column names of the cycles files (docs/data.md).
 */
final class CycleColumns {
    private CycleColumns() {
    }

    /** A summary row with the cell it belongs to. */
    record Row(String cellId, CycleSummary c) {
    }

    static List<Column<Row>> forFormat(OutputFormat format) {
        boolean people = format == OutputFormat.TABLE;
        return List.of(
                Column.of("cell", "cell", 0, Row::cellId),
                Column.of("cycle_count", "cycle", 0, r -> r.c().cycleCount()),
                col(people, "charge_capacity_ah", "charge mAh", 1000, 4, CycleSummary::chargeCapacityAh),
                col(people, "discharge_capacity_ah", "discharge mAh", 1000, 4, CycleSummary::dischargeCapacityAh),
                col(people, "coulombic_efficiency", "CE %", 100, 2, CycleSummary::coulombicEfficiency),
                col(people, "energy_efficiency", "EE %", 100, 2, CycleSummary::energyEfficiency),
                col(people, "charge_energy_wh", "charge mWh", 1000, 3, CycleSummary::chargeEnergyWh),
                col(people, "discharge_energy_wh", "discharge mWh", 1000, 3, CycleSummary::dischargeEnergyWh),
                col(people, "mean_charge_voltage_volt", "mean V chg", 1, 4, CycleSummary::meanChargeVoltageVolt),
                col(people, "mean_discharge_voltage_volt", "mean V dis", 1, 4, CycleSummary::meanDischargeVoltageVolt),
                col(people, "end_charge_voltage_volt", "end V chg", 1, 4, CycleSummary::endChargeVoltageVolt),
                col(people, "end_discharge_voltage_volt", "end V dis", 1, 4, CycleSummary::endDischargeVoltageVolt),
                col(people, CycleField.MINIMUM_VOLTAGE.columnName(), "min V", 1, 4, CycleSummary::minimumVoltageVolt),
                col(people, CycleField.MAXIMUM_VOLTAGE.columnName(), "max V", 1, 4, CycleSummary::maximumVoltageVolt),
                col(people, "duration_second", "hours", 1 / 3600.0, 2, CycleSummary::durationSecond),
                col(people, "start_test_time_second", "start h", 1 / 3600.0, 2, CycleSummary::startTestTimeSecond));
    }

    private static Column<Row> col(boolean people, String name, String header, double tableScale, int decimals,
                                   ToDoubleFunction<CycleSummary> value) {
        double scale = people ? tableScale : 1;
        return Column.of(name, header, decimals, r -> value.applyAsDouble(r.c()) * scale);
    }
}
