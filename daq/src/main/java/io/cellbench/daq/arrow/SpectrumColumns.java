package io.cellbench.daq.arrow;

import io.cellbench.core.data.SpectrumField;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code spectra.arrows}: one row per impedance point, one record batch per
 * spectrum; the Arrow form of {@link SpectrumField}, where they are defined (BDF's impedance,
 * time, counter and condition terms, and cellbench's spectrum index). {@code
 * imaginary_impedance_ohm} is as measured: negative for capacitive behaviour.
 */
public final class SpectrumColumns {

    /** The table, in file order. */
    static final List<SpectrumField> TABLE = List.of(SpectrumField.values());

    /** In file order. */
    public static final List<Column> ALL = Column.all(SpectrumField.values());

    private SpectrumColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
