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

    /** The table, in file order. */
    static final List<SampleField> TABLE = List.of(SampleField.values());

    /** In file order. */
    public static final List<Column> ALL = Column.all(SampleField.values());

    private SampleColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
