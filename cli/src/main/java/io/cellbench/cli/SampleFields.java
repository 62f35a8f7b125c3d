package io.cellbench.cli;

import io.cellbench.cli.format.OutputColumn;
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

    /** A sample with the cell it belongs to, and the values of the aux columns printed (NaN: none), as printed. */
    record CellSample(String cellId, Sample sample, double[] aux) {
    }

    static final List<Field> ALL = Arrays.stream(SampleField.values())
            .map(f -> new Field(io.cellbench.daq.arrow.Column.of(f), s -> switch (f.kind()) {
                case FLOAT64 -> (Object) f.number(s);
                case INT32 -> (Object) f.integer(s);
            }))
            .toList();

    private SampleFields() {
    }

    /** The columns of {@code format}, then the {@code aux} columns (in every format), each value as stored. */
    static List<OutputColumn<CellSample>> forFormat(OutputFormat format, List<io.cellbench.daq.arrow.Column> aux) {
        List<OutputColumn<CellSample>> columns = forFormat(format);
        for (int k = 0; k < aux.size(); k++) {
            int at = k;
            io.cellbench.daq.arrow.Column c = aux.get(k);
            String header = format == OutputFormat.TABLE ? c.name() + (c.unit().isEmpty() ? "" : " " + c.unit()) : c.label();
            columns.add(OutputColumn.of(c.name(), header, format == OutputFormat.TABLE ? 4 : 6, r -> r.aux()[at]));
        }
        return columns;
    }

    static List<OutputColumn<CellSample>> forFormat(OutputFormat format) {
        List<OutputColumn<CellSample>> columns = new ArrayList<>();
        columns.add(OutputColumn.of("cell", "cell", 0, CellSample::cellId));
        if (format != OutputFormat.TABLE) {
            for (Field f : ALL) {
                columns.add(OutputColumn.of(f.column().name(), f.column().label(), 6, r -> f.value().apply(r.sample())));
            }
            return columns;
        }
        columns.add(OutputColumn.of(SampleField.TEST_TIME.columnName(), "time s", 1, r -> r.sample().testTimeSecond()));
        columns.add(OutputColumn.of(SampleField.CYCLE_COUNT.columnName(), "cycle", 0, r -> r.sample().cycleCount()));
        columns.add(OutputColumn.of(SampleField.STEP_COUNT.columnName(), "step", 0, r -> r.sample().stepCount()));
        columns.add(OutputColumn.of(SampleField.VOLTAGE.columnName(), "V", 4, r -> r.sample().voltageVolt()));
        columns.add(OutputColumn.of(SampleField.CURRENT.columnName(), "I mA", 4, r -> r.sample().currentAmpere() * 1e3));
        columns.add(OutputColumn.of(SampleField.CYCLE_CHARGING_CAPACITY.columnName(), "chg mAh", 4, r -> r.sample().chargingCapacityAh() * 1e3));
        columns.add(OutputColumn.of(SampleField.CYCLE_DISCHARGING_CAPACITY.columnName(), "dis mAh", 4, r -> r.sample().dischargingCapacityAh() * 1e3));
        columns.add(OutputColumn.of(SampleField.POWER.columnName(), "P mW", 4, r -> r.sample().powerWatt() * 1e3));
        columns.add(OutputColumn.of(SampleField.APPLIED_PRESSURE.columnName(), "p MPa", 2, r -> r.sample().appliedPressurePa() * 1e-6));
        columns.add(OutputColumn.of(SampleField.AMBIENT_TEMPERATURE.columnName(), "T degC", 1, r -> r.sample().ambientTemperatureCelsius()));
        return columns;
    }
}
