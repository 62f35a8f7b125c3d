package io.cellbench.daq.arrow;

import io.cellbench.core.data.SampleField;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code samples.arrows}: one row per {@link io.cellbench.core.data.Sample}, the
 * Arrow form of {@link SampleField} (where the names, units and labels are defined, as the
 * Battery Data Format has them). Current and power are positive on charge.
 */
public final class SampleColumns {

    public static final Column TEST_TIME = Column.of(SampleField.TEST_TIME);
    public static final Column UNIX_TIME = Column.of(SampleField.UNIX_TIME);
    public static final Column VOLTAGE = Column.of(SampleField.VOLTAGE);
    public static final Column CURRENT = Column.of(SampleField.CURRENT);
    public static final Column CYCLE_COUNT = Column.of(SampleField.CYCLE_COUNT);
    public static final Column STEP_COUNT = Column.of(SampleField.STEP_COUNT);
    public static final Column STEP_INDEX = Column.of(SampleField.STEP_INDEX);
    public static final Column CHARGING_CAPACITY = Column.of(SampleField.CHARGING_CAPACITY);
    public static final Column DISCHARGING_CAPACITY = Column.of(SampleField.DISCHARGING_CAPACITY);
    public static final Column STEP_CAPACITY = Column.of(SampleField.STEP_CAPACITY);
    public static final Column NET_CAPACITY = Column.of(SampleField.NET_CAPACITY);
    public static final Column CUMULATIVE_CAPACITY = Column.of(SampleField.CUMULATIVE_CAPACITY);
    public static final Column CHARGING_ENERGY = Column.of(SampleField.CHARGING_ENERGY);
    public static final Column DISCHARGING_ENERGY = Column.of(SampleField.DISCHARGING_ENERGY);
    public static final Column STEP_ENERGY = Column.of(SampleField.STEP_ENERGY);
    public static final Column NET_ENERGY = Column.of(SampleField.NET_ENERGY);
    public static final Column CUMULATIVE_ENERGY = Column.of(SampleField.CUMULATIVE_ENERGY);
    public static final Column POWER = Column.of(SampleField.POWER);
    public static final Column APPLIED_PRESSURE = Column.of(SampleField.APPLIED_PRESSURE);
    public static final Column AMBIENT_TEMPERATURE = Column.of(SampleField.AMBIENT_TEMPERATURE);

    /** In file order. */
    public static final List<Column> ALL = Column.all(SampleField.values());

    private SampleColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
