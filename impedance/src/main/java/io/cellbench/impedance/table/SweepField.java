package io.cellbench.impedance.table;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SpectrumField;
import java.util.Arrays;
import java.util.List;

/**
 * Where a sweep was taken: the leading columns of every analysis table (fits.arrows,
 * drt.arrows), with the spectrum table's terms, so an analysis row joins its sweep by
 * {@code spectrum_index}.
 */
public enum SweepField {
    SPECTRUM_INDEX(SpectrumField.SPECTRUM_INDEX, int32(SweepRow::spectrumIndex)),
    TEST_TIME(SpectrumField.TEST_TIME, float64(r -> r.spectrum().testTimeSecond())),
    UNIX_TIME(SpectrumField.UNIX_TIME, float64(r -> r.spectrum().unixTimeSecond())),
    CYCLE_COUNT(SpectrumField.CYCLE_COUNT, int32(r -> r.spectrum().cycleCount())),
    STEP_COUNT(SpectrumField.STEP_COUNT, int32(r -> r.spectrum().stepCount())),
    STEP_ID(SpectrumField.STEP_ID, int32(r -> r.spectrum().stepIndex())),
    APPLIED_PRESSURE(SpectrumField.APPLIED_PRESSURE, float64(r -> r.spectrum().appliedPressurePa())),
    AMBIENT_TEMPERATURE(SpectrumField.AMBIENT_TEMPERATURE, float64(r -> r.spectrum().ambientTemperatureCelsius()));

    private final SpectrumField term;
    private final ColumnValue<SweepRow> value;

    SweepField(SpectrumField term, ColumnValue<SweepRow> value) {
        this.term = term;
        this.value = value;
    }

    /** This column in a table of rows {@code R}. */
    public <R extends SweepRow> DataColumn<R> of() {
        ColumnValue<R> adapted = switch (value.kind()) {
            case INT32 -> int32(value::integer);
            case FLOAT64 -> float64(value::number);
        };
        DataColumn.Definition<R> definition = new DataColumn.Definition<>(term.term(), adapted);
        return () -> definition;
    }

    /** The machine name, e.g. {@code spectrum_index}. */
    public String columnName() {
        return term.columnName();
    }

    /** Every one of them, in order, for a table of rows {@code R}. */
    public static <R extends SweepRow> List<DataColumn<R>> all() {
        return Arrays.stream(values()).<DataColumn<R>>map(SweepField::of).toList();
    }
}
