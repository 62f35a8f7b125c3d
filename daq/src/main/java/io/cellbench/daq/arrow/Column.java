package io.cellbench.daq.arrow;

import io.cellbench.core.data.DataColumn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One column of a cellbench Arrow file. Every field carries its unit and its human label
 * ("Voltage / V") as field metadata, so a file explains itself without this code.
 *
 * @param name  machine-readable name (Battery Data Format style: quantity_unit)
 * @param type  value type
 * @param unit  unit symbol ("s", "V", "A", "Ah", "Wh", "W", "Pa", "degC", "Hz", "Ohm", "deg", "1")
 * @param label CSV header label, "Name / unit"
 * @param bdf   whether the Battery Data Format defines this column (then label is its
 *              preferred label, also stored as {@code bdf_label})
 */
public record Column(String name, Type type, String unit, String label, boolean bdf) {

    public static final String UNIT = "unit";
    public static final String LABEL = "label";
    public static final String BDF_LABEL = "bdf_label";

    public enum Type {
        /** float64; NaN is written as null (no measurement), read back as NaN. */
        FLOAT64,
        /** int32, never null. */
        INT32
    }

    /** The Arrow column of a table's column ({@link io.cellbench.core.data.SampleField} …): its one definition. */
    public static Column of(DataColumn<?> column) {
        Type type = switch (column.kind()) {
            case FLOAT64 -> Type.FLOAT64;
            case INT32 -> Type.INT32;
        };
        return new Column(column.columnName(), type, column.unit(), column.label(), column.bdf());
    }

    /** The Arrow columns of a table, in its order. */
    static List<Column> all(DataColumn<?>[] table) {
        return Arrays.stream(table).map(Column::of).toList();
    }

    Field field() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(UNIT, unit);
        metadata.put(LABEL, label);
        if (bdf) {
            metadata.put(BDF_LABEL, label);
        }
        ArrowType arrowType = switch (type) {
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case INT32 -> new ArrowType.Int(32, true);
        };
        return new Field(name, new FieldType(type == Type.FLOAT64, arrowType, null, metadata), null);
    }

    static Schema schema(List<Column> columns, Map<String, String> metadata) {
        return new Schema(columns.stream().map(Column::field).toList(), Map.copyOf(metadata));
    }
}
