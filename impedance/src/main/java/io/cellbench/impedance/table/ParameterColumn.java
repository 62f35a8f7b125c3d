package io.cellbench.impedance.table;

import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.impedance.circuit.Circuit;

/**
 * A fitted parameter's value ({@code R2}) or its standard error ({@code R2_sigma}) as a column of
 * a fit table: the columns that depend on the circuit. Named as impedance.py names the
 * parameters, so a column is found by the name a researcher wrote in the circuit.
 */
public record ParameterColumn(String parameter, boolean sigma, Definition<FitRow> definition)
        implements DataColumn<FitRow> {

    public static final String SIGMA_SUFFIX = "_sigma";

    static ParameterColumn value(Circuit.Parameter p) {
        String unit = asciiUnit(p.unit());
        return new ParameterColumn(p.name(), false, new Definition<>(
                ColumnTerm.own(p.name(), unit, p.name() + " / " + unit),
                ColumnValue.float64(r -> r.value(p.name()))));
    }

    static ParameterColumn standardError(Circuit.Parameter p) {
        String unit = asciiUnit(p.unit());
        String name = p.name() + SIGMA_SUFFIX;
        return new ParameterColumn(p.name(), true, new Definition<>(
                ColumnTerm.own(name, unit, "Sigma " + p.name() + " / " + unit),
                ColumnValue.float64(r -> r.standardError(p.name()))));
    }

    /**
     * The unit in the tables' ASCII spelling ("Ohm", "1"), since the files' units are read by
     * programs: Ω → Ohm, ⁻¹ → ^-1, · → *, an exponent's empty unit → 1.
     */
    public static String asciiUnit(String unit) {
        if (unit.isEmpty()) {
            return "1";
        }
        return unit.replace("Ω", "Ohm").replace("⁻¹", "^-1").replace("·", "*").replace("½", "0.5")
                .replace("−", "-").replace("α", "a");
    }
}
