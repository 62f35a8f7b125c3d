package io.cellbench.impedance.table;

import io.cellbench.core.data.DataColumn;
import io.cellbench.impedance.circuit.Circuit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a fit table for one circuit, in file order: where the sweep was taken, each
 * parameter's value and standard error, then the fit's quality and the Lin-KK verdict.
 */
public final class FitColumns {

    private FitColumns() {
    }

    public static List<DataColumn<FitRow>> of(Circuit circuit) {
        List<DataColumn<FitRow>> columns = new ArrayList<>(SweepField.<FitRow>all());
        for (Circuit.Parameter p : circuit.parameters()) {
            columns.add(ParameterColumn.value(p));
            columns.add(ParameterColumn.standardError(p));
        }
        columns.addAll(Arrays.asList(FitField.values()));
        return List.copyOf(columns);
    }

    /** Where the sweep was taken and its Lin-KK verdict: the columns of {@code data eis --kk}. */
    public static List<DataColumn<FitRow>> validity() {
        List<DataColumn<FitRow>> columns = new ArrayList<>(SweepField.<FitRow>all());
        Arrays.stream(FitField.values()).filter(f -> f.name().startsWith("LIN_KK")).forEach(columns::add);
        return List.copyOf(columns);
    }
}
