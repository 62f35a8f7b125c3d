package io.cellbench.cli;

import io.cellbench.core.data.SampleField;
import io.cellbench.daq.arrow.Column;
import io.cellbench.importers.AuxColumn;
import io.cellbench.importers.bdf.BdfTerms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An imported file's aux channels as extra columns of its samples.arrows (docs/data.md, "Aux
 * columns"): named by their BDF term where BDF has one ({@code temperature_t1_celsius}), else by
 * the reader's name made a machine name ({@code aux1_voltage_volt}; EC-Lab's {@code Ewe-Ece/V}
 * becomes {@code ewe_ece_v}); labelled with BDF's preferred label (a BDF term), else with the name
 * the file gives and its unit. A name the
 * sample table already has (a BDF CSV's own {@code power_watt}) gets {@code file_} in front: the
 * file's value beside cellbench's.
 */
final class ImportAuxColumns {

    private static final Set<String> TABLE = Arrays.stream(SampleField.values())
            .flatMap(f -> f.term().names().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private ImportAuxColumns() {
    }

    static List<Column> of(List<AuxColumn> aux) {
        List<Column> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>(TABLE);
        for (AuxColumn a : aux) {
            String base = a.bdfTerm() != null && !a.bdfTerm().isBlank() ? a.bdfTerm() : machineName(a.name());
            if (base.isEmpty()) {
                base = "aux" + (columns.size() + 1);
            }
            if (TABLE.contains(base)) {
                base = "file_" + base;
            }
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            String unit = a.unit() == null ? "" : a.unit();
            String label = unit.isEmpty() || a.name().endsWith("/" + unit) ? a.name() : a.name() + " / " + unit;
            BdfTerms.Term term = name.equals(a.bdfTerm()) ? BdfTerms.get().terms().get(name) : null;
            // a BDF term's column is labelled as BDF labels it, which samples.arrows also stores as
            // its bdf_label (Column): the reader's own name for it is in run.json's aux_columns
            columns.add(term != null ? new Column(name, Column.Type.FLOAT64, unit, term.label(), true)
                    : new Column(name, Column.Type.FLOAT64, unit, label, false));
        }
        return columns;
    }

    /** Lower case, every run of other characters than letters and digits one '_', none at the ends. */
    static String machineName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
