package io.cellbench.daq.arrow;

import io.cellbench.core.data.SpectrumField;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code spectra.arrows}: one row per impedance point, one record batch per
 * spectrum; the Arrow form of {@link SpectrumField}, where they are defined (the impedance
 * columns in the Battery Data Format's naming style, the time, counter and condition columns
 * BDF's own).
 */
public final class SpectrumColumns {

    public static final Column SPECTRUM_INDEX = Column.of(SpectrumField.SPECTRUM_INDEX);
    public static final Column TEST_TIME = Column.of(SpectrumField.TEST_TIME);
    public static final Column UNIX_TIME = Column.of(SpectrumField.UNIX_TIME);
    public static final Column CYCLE_COUNT = Column.of(SpectrumField.CYCLE_COUNT);
    public static final Column STEP_COUNT = Column.of(SpectrumField.STEP_COUNT);
    public static final Column STEP_INDEX = Column.of(SpectrumField.STEP_INDEX);
    public static final Column FREQUENCY = Column.of(SpectrumField.FREQUENCY);
    public static final Column Z_REAL = Column.of(SpectrumField.Z_REAL);
    /** As measured: negative for capacitive behaviour (plot -Z'' upwards for a Nyquist plot). */
    public static final Column Z_IMAG = Column.of(SpectrumField.Z_IMAG);
    public static final Column Z_MOD = Column.of(SpectrumField.Z_MOD);
    public static final Column Z_PHASE = Column.of(SpectrumField.Z_PHASE);
    public static final Column APPLIED_PRESSURE = Column.of(SpectrumField.APPLIED_PRESSURE);
    public static final Column AMBIENT_TEMPERATURE = Column.of(SpectrumField.AMBIENT_TEMPERATURE);

    /** In file order. */
    public static final List<Column> ALL = Column.all(SpectrumField.values());

    private SpectrumColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
