package io.cellbench.daq.arrow;

import io.cellbench.core.data.CycleField;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code cycles.arrows} and {@code cycles.csv}: one row per
 * {@link io.cellbench.core.data.CycleSummary}, the Arrow form of {@link CycleField}, where they
 * are defined. Efficiencies are fractions (unit "1").
 */
public final class CycleColumns {

    /** The table, in file order. */
    static final List<CycleField> TABLE = List.of(CycleField.values());

    /** In file order (the same in cycles.arrows and cycles.csv). */
    public static final List<Column> ALL = Column.all(CycleField.values());

    private CycleColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
