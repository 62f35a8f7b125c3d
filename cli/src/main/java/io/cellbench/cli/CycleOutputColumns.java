package io.cellbench.cli;

import io.cellbench.cli.format.OutputColumn;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import java.util.List;

/**
 * The per-cycle summary as printed by {@code demo} and {@code data cycles}. The table shows
 * mAh, mWh, % and hours for people; CSV and JSON keep SI units and fractions under the
 * column names of the cycles files (docs/data.md).
 */
final class CycleOutputColumns {
    private CycleOutputColumns() {
    }

    /** A summary row with the cell it belongs to. */
    record Row(String cellId, CycleSummary c) {
    }

    static List<OutputColumn<Row>> forFormat(OutputFormat format) {
        boolean people = format == OutputFormat.TABLE;
        return List.of(
                OutputColumn.of("cell", "cell", 0, Row::cellId),
                OutputColumn.of(CycleField.CYCLE_COUNT.columnName(), "cycle", 0, r -> r.c().cycleCount()),
                col(people, CycleField.CHARGE_CAPACITY, "charge mAh", 1000, 4),
                col(people, CycleField.DISCHARGE_CAPACITY, "discharge mAh", 1000, 4),
                col(people, CycleField.COULOMBIC_EFFICIENCY, "CE %", 100, 2),
                col(people, CycleField.ENERGY_EFFICIENCY, "EE %", 100, 2),
                col(people, CycleField.CHARGE_ENERGY, "charge mWh", 1000, 3),
                col(people, CycleField.DISCHARGE_ENERGY, "discharge mWh", 1000, 3),
                col(people, CycleField.MEAN_CHARGE_VOLTAGE, "mean V chg", 1, 4),
                col(people, CycleField.MEAN_DISCHARGE_VOLTAGE, "mean V dis", 1, 4),
                col(people, CycleField.END_CHARGE_VOLTAGE, "end V chg", 1, 4),
                col(people, CycleField.END_DISCHARGE_VOLTAGE, "end V dis", 1, 4),
                col(people, CycleField.MINIMUM_VOLTAGE, "min V", 1, 4),
                col(people, CycleField.MAXIMUM_VOLTAGE, "max V", 1, 4),
                col(people, CycleField.DURATION, "hours", 1 / 3600.0, 2),
                col(people, CycleField.START_TEST_TIME, "start h", 1 / 3600.0, 2));
    }

    private static OutputColumn<Row> col(boolean people, CycleField field, String header, double tableScale, int decimals) {
        double scale = people ? tableScale : 1;
        return OutputColumn.of(field.columnName(), header, decimals, r -> field.number(r.c()) * scale);
    }
}
