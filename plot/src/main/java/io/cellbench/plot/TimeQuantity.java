package io.cellbench.plot;

import io.cellbench.core.data.Sample;
import io.cellbench.core.data.SampleField;
import io.cellbench.daq.arrow.Column;

/**
 * One recorded column a plot against time can draw: a column of the sample table (voltage,
 * current, power, stack pressure, ambient temperature) or an aux column of an imported file
 * (a Neware T1 thermocouple, an aux voltage), named and labelled as its file names it.
 *
 * @param column   the column's machine name ({@code temperature_t1_celsius})
 * @param label    its BDF-style label, "Name / unit"
 * @param unit     the unit its values are recorded in
 * @param field    the sample table's column, or null for an aux column
 * @param auxIndex the aux column's place in the aux values read with each sample (field null)
 */
record TimeQuantity(String column, String label, String unit, SampleField field, int auxIndex) {

    static TimeQuantity of(SampleField field) {
        return new TimeQuantity(field.columnName(), field.label(), field.unit(), field, -1);
    }

    static TimeQuantity aux(Column column, int index) {
        return new TimeQuantity(column.name(), column.label(), column.unit(), null, index);
    }

    double value(Sample s, double[] aux) {
        return field != null ? field.number(s) : aux[auxIndex];
    }

    /** The label's name part, "Temperature T1" of "Temperature T1 / degC". */
    String name() {
        int slash = label.lastIndexOf(" / ");
        return slash > 0 ? label.substring(0, slash) : label;
    }

    /** The axis title in the unit drawn: "Applied Pressure / MPa". */
    String title(DisplayUnit drawn) {
        return drawn.unit().isEmpty() ? name() : name() + " / " + drawn.unit();
    }
}
