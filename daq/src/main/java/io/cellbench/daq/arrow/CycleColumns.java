package io.cellbench.daq.arrow;

import io.cellbench.core.data.ColumnSource;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.DataColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code cycles.arrows} and {@code cycles.csv}: one row per
 * {@link io.cellbench.core.data.CycleSummary}, the Arrow form of {@link CycleField}, where they
 * are defined. Efficiencies are fractions (unit "1").
 */
public final class CycleColumns {

    public static final Column CYCLE_COUNT = Column.of(CycleField.CYCLE_COUNT);
    public static final Column START_TEST_TIME = Column.of(CycleField.START_TEST_TIME);
    public static final Column DURATION = Column.of(CycleField.DURATION);
    public static final Column CHARGE_CAPACITY = Column.of(CycleField.CHARGE_CAPACITY);
    public static final Column DISCHARGE_CAPACITY = Column.of(CycleField.DISCHARGE_CAPACITY);
    public static final Column CHARGE_ENERGY = Column.of(CycleField.CHARGE_ENERGY);
    public static final Column DISCHARGE_ENERGY = Column.of(CycleField.DISCHARGE_ENERGY);
    public static final Column COULOMBIC_EFFICIENCY = Column.of(CycleField.COULOMBIC_EFFICIENCY);
    public static final Column ENERGY_EFFICIENCY = Column.of(CycleField.ENERGY_EFFICIENCY);
    public static final Column MEAN_CHARGE_VOLTAGE = Column.of(CycleField.MEAN_CHARGE_VOLTAGE);
    public static final Column MEAN_DISCHARGE_VOLTAGE = Column.of(CycleField.MEAN_DISCHARGE_VOLTAGE);
    public static final Column END_CHARGE_VOLTAGE = Column.of(CycleField.END_CHARGE_VOLTAGE);
    public static final Column END_DISCHARGE_VOLTAGE = Column.of(CycleField.END_DISCHARGE_VOLTAGE);

    /** In file order (the same in cycles.arrows and cycles.csv). */
    public static final List<Column> ALL = Column.all(CycleField.values());

    private CycleColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }

    /** The floating-point columns of a cycle (every column but cycle_count), in file order. */
    private static final List<CycleField> NUMBERS = Arrays.stream(CycleField.values())
            .filter(f -> f.kind() == ColumnValue.Kind.FLOAT64).toList();

    /** The floating-point columns of a summary (every column but cycle_count), in file order. */
    public static double[] values(CycleSummary c) {
        return NUMBERS.stream().mapToDouble(f -> f.number(c)).toArray();
    }

    /** The inverse of {@link #values}. */
    public static CycleSummary summary(int cycleCount, double[] v) {
        return CycleField.summary(new ColumnSource() {
            @Override
            public double number(DataColumn<?> column) {
                return v[NUMBERS.indexOf(column)];
            }

            @Override
            public int integer(DataColumn<?> column) {
                return cycleCount; // the only int32 column
            }
        });
    }
}
