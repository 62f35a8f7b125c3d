package io.cellbench.daq.arrow;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of {@code spectra.arrows}: one row per impedance point, one record batch per
 * spectrum. The Battery Data Format does not cover impedance yet, so the impedance columns
 * follow its naming style (quantity_unit, "Name / unit"); the time, counter and condition
 * columns are BDF's own.
 */
public final class SpectrumColumns {

    public static final Column SPECTRUM_INDEX = Column.int32("spectrum_index", "Spectrum Index / 1", false);
    public static final Column TEST_TIME = SampleColumns.TEST_TIME;
    public static final Column UNIX_TIME = SampleColumns.UNIX_TIME;
    public static final Column CYCLE_COUNT = SampleColumns.CYCLE_COUNT;
    public static final Column STEP_COUNT = SampleColumns.STEP_COUNT;
    public static final Column STEP_INDEX = SampleColumns.STEP_INDEX;
    public static final Column FREQUENCY = Column.float64("frequency_hz", "Hz", "Frequency / Hz", false);
    public static final Column Z_REAL = Column.float64("z_real_ohm", "Ohm", "Z Real / Ohm", false);
    /** As measured: negative for capacitive behaviour (plot -Z'' upwards for a Nyquist plot). */
    public static final Column Z_IMAG = Column.float64("z_imag_ohm", "Ohm", "Z Imaginary / Ohm", false);
    public static final Column Z_MOD = Column.float64("z_mod_ohm", "Ohm", "Z Modulus / Ohm", false);
    public static final Column Z_PHASE = Column.float64("z_phase_degree", "deg", "Z Phase / deg", false);
    public static final Column APPLIED_PRESSURE = SampleColumns.APPLIED_PRESSURE;
    public static final Column AMBIENT_TEMPERATURE = SampleColumns.AMBIENT_TEMPERATURE;

    /** In file order. */
    public static final List<Column> ALL = List.of(
            SPECTRUM_INDEX, TEST_TIME, UNIX_TIME, CYCLE_COUNT, STEP_COUNT, STEP_INDEX,
            FREQUENCY, Z_REAL, Z_IMAG, Z_MOD, Z_PHASE, APPLIED_PRESSURE, AMBIENT_TEMPERATURE);

    private SpectrumColumns() {
    }

    public static Schema schema(Map<String, String> metadata) {
        return Column.schema(ALL, metadata);
    }
}
