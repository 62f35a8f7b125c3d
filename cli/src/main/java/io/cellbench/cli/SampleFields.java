package io.cellbench.cli;

import io.cellbench.cli.format.Column;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import io.cellbench.daq.arrow.SampleColumns;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A sample's values in the column order of samples.arrows ({@link SampleColumns#ALL}), each
 * with its Arrow column (name, unit, BDF label). CSV, JSON and BDF print every column in SI
 * units; the table shows the columns people look at, in mA, mAh and MPa.
 */
final class SampleFields {

    /** A column of samples.arrows and how to read it from a sample (Double or Integer). */
    record Field(io.cellbench.daq.arrow.Column column, Function<Sample, Object> value) {
    }

    /** A sample with the cell it belongs to, as printed. */
    record CellSample(String cellId, Sample sample) {
    }

    static final List<Field> ALL = Arrays.stream(SampleField.values())
            .map(f -> new Field(io.cellbench.daq.arrow.Column.of(f), s -> switch (f.kind()) {
                case FLOAT64 -> (Object) f.number(s);
                case INT32 -> (Object) f.integer(s);
            }))
            .toList();

    private SampleFields() {
    }

    static List<Column<CellSample>> forFormat(OutputFormat format) {
        List<Column<CellSample>> columns = new ArrayList<>();
        columns.add(Column.of("cell", "cell", 0, CellSample::cellId));
        if (format != OutputFormat.TABLE) {
            for (Field f : ALL) {
                columns.add(Column.of(f.column().name(), f.column().label(), 6, r -> f.value().apply(r.sample())));
            }
            return columns;
        }
        columns.add(Column.of(SampleField.TEST_TIME.columnName(), "time s", 1, r -> r.sample().testTimeSecond()));
        columns.add(Column.of(SampleField.CYCLE_COUNT.columnName(), "cycle", 0, r -> r.sample().cycleCount()));
        columns.add(Column.of(SampleField.STEP_COUNT.columnName(), "step", 0, r -> r.sample().stepCount()));
        columns.add(Column.of(SampleField.VOLTAGE.columnName(), "V", 4, r -> r.sample().voltageVolt()));
        columns.add(Column.of(SampleField.CURRENT.columnName(), "I mA", 4, r -> r.sample().currentAmpere() * 1e3));
        columns.add(Column.of(SampleField.CHARGING_CAPACITY.columnName(), "chg mAh", 4, r -> r.sample().chargingCapacityAh() * 1e3));
        columns.add(Column.of(SampleField.DISCHARGING_CAPACITY.columnName(), "dis mAh", 4, r -> r.sample().dischargingCapacityAh() * 1e3));
        columns.add(Column.of(SampleField.POWER.columnName(), "P mW", 4, r -> r.sample().powerWatt() * 1e3));
        columns.add(Column.of(SampleField.APPLIED_PRESSURE.columnName(), "p MPa", 2, r -> r.sample().appliedPressurePa() * 1e-6));
        columns.add(Column.of(SampleField.AMBIENT_TEMPERATURE.columnName(), "T degC", 1, r -> r.sample().ambientTemperatureCelsius()));
        return columns;
    }
}
